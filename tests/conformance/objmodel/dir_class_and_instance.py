# dir of a class merges its dict with its bases'; an instance adds its own attributes
class A:
    a = 1
    def f(self): pass
class B(A):
    b = 2
obj = B()
obj.z = 3
print([n for n in dir(B) if not n.startswith('__')])
print([n for n in dir(obj) if not n.startswith('__')])
print('__dict__' in dir(B), '__weakref__' in dir(B), '__init__' in dir(obj), '__module__' in dir(obj))
print(len(dir(B)), len(dir(obj)))
