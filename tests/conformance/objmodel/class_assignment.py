# obj.__class__ = other works between compatible classes; incompatible layouts and builtins raise TypeError
import sys
class A:
    def who(self):
        return 'A'
class B:
    def who(self):
        return 'B'
a = A()
a.x = 1
before = sys.getrefcount(B)
a.__class__ = B
print(type(a).__name__, a.who(), a.x, sys.getrefcount(B) - before, isinstance(a, B))
class S:
    __slots__ = ('x',)
class T:
    __slots__ = ('x',)
s = S()
s.__class__ = T
print(type(s).__name__)
for obj, cls in ((A(), S), (A(), int), (1, str), (A(), 5)):
    try:
        obj.__class__ = cls
    except TypeError as e:
        print(e)
