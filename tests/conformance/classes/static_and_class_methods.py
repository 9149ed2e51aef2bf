# staticmethod and classmethod objects (48 bytes, tracked, traversing their callable): bound as the callable itself or as a method of the class, through the class or an instance.
import sys, gc
class A:
    @staticmethod
    def f(x):
        return x * 2
    @classmethod
    def g(cls, y):
        return cls.__name__, y
    @classmethod
    def make(cls):
        return cls()
class B(A):
    pass
print(A.f(2), A().f(3), B.g(1), B().g(2), A.g(0), type(B.make()).__name__)
print(type(A.__dict__['f']).__name__, type(A.__dict__['g']).__name__, sys.getsizeof(A.__dict__['f']), gc.is_tracked(A.__dict__['g']))
sm = A.__dict__['f']
print(gc.get_referents(sm)[0] is A.f, A.f is B.f, A.g == B.g, A.g is A.g)
print(sys.getrefcount(A.f), type(A.g).__name__, A.g.__self__ is A)
s = staticmethod(len)
print(s.__class__.__name__)
try:
    staticmethod()
except TypeError as e:
    print(e)
