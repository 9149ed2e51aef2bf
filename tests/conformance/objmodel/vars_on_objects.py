# vars() of instances, classes, functions and slotted instances
class C:
    def __init__(self):
        self.a = 1
def f():
    pass
f.tag = 'x'
print(vars(C()), sorted(k for k in vars(C) if not k.startswith('__')), vars(f))
class S:
    __slots__ = ('a',)
try:
    vars(S())
except TypeError as e:
    print(e)
