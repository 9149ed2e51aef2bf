# object.__init__ refuses arguments when the class defines no __init__/__new__ of its own
class A: pass
class B:
    def __init__(self, x):
        object.__init__(self)
class N:
    def __new__(cls, *a):
        return object.__new__(cls)
print(object.__init__(A()), object.__init__(object()), type(B(1)).__name__)
for t in ["A(1)", "object.__init__(A(), 1)", "B(1).__init__(1)", "object().__init__(1)"]:
    try:
        eval(t)
        print(t, 'ok')
    except TypeError as e:
        print(t, '!!', e)
