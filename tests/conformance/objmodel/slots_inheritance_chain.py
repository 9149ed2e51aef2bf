# slots of every class in the chain are kept; a subclass without __slots__ gets __dict__ and __weakref__
import sys
class A:
    __slots__ = ('a',)
class B(A):
    __slots__ = ('b',)
class C(B):
    __slots__ = ('c',)
class D(C):
    pass
for cls in (A, B, C, D):
    o = cls()
    print(cls.__name__, sys.getsizeof(o), hasattr(o, '__dict__'))
d = D()
d.a, d.b, d.c, d.extra = 1, 2, 3, 4
print(d.a, d.b, d.c, d.__dict__)
print(A.a.__get__(d), C.c.__get__(d))
try:
    d2 = C()
    d2.extra = 1
except AttributeError as e:
    print(e)
