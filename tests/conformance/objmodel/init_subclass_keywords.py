# class statement keywords go to __init_subclass__ (implicit or explicit classmethod); object's refuses them
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **rest):
        Base.registry.append((cls.__name__, tag, sorted(rest)))
class A(Base, tag='a'):
    pass
class B(A, tag='b', extra=1):
    pass
class C(A):
    pass
print(Base.registry)
class Explicit:
    @classmethod
    def __init_subclass__(cls, **kw):
        print('explicit', cls.__name__, kw)
class D(Explicit, x=1, y=2):
    pass
try:
    class E(flag=True):
        pass
except TypeError as e:
    print(e)
