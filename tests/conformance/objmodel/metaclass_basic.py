# A metaclass derived from type: __new__, __init__, __call__, its methods and properties seen
# from the classes, isinstance, type.__new__(M, ...) and M(name, bases, ns), the class objects'
# referents, sizes and the metaclass's refcount.
import gc
import sys


class M(type):
    count = 0

    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        mcls.count += 1
        cls.registry = []
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("M.__init__", name)
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        print("M.__call__", cls.__name__, args, kwargs)
        inst = super().__call__(*args, **kwargs)
        cls.registry.append(type(inst).__name__)
        return inst

    def describe(cls):
        return "class " + cls.__name__

    @property
    def lower(cls):
        return cls.__name__.lower()


before = sys.getrefcount(M)


class Base(metaclass=M):
    def __init__(self, x=0):
        self.x = x


class Child(Base):
    pass


print(type(Base).__name__, type(Child).__name__, M.count)
print(isinstance(Base, M), isinstance(Child, type), issubclass(M, type), isinstance(Base(), Base))
print(Base.describe(), Child.lower, Child.registry)
c = Child(5)
print(c.x, Child.registry, Base.registry)
print(Base, repr(Child), M, str(Child))
print(Base.__class__ is M, type(Base) is M, Child.__mro__ == (Child, Base, object))
print(sys.getrefcount(M) - before)  # Base and Child hold their metaclass

T = M("T", (), {"a": 1, "__module__": "made"})
print(T.a, type(T).__name__, T.__module__, T.__qualname__)
U = type.__new__(M, "U", (Base,), {})
print(type(U).__name__, U.__bases__ == (Base,), hasattr(U, "registry"))

refs = gc.get_referents(Base)
print(refs[0] is M, gc.is_tracked(Base), gc.is_tracked(M))


class Plain:
    pass


class NoDict(metaclass=M):
    __slots__ = ()


print(sys.getsizeof(Base) == sys.getsizeof(Plain), sys.getsizeof(NoDict), sys.getsizeof(M))
del T, U
gc.collect()
print(sys.getrefcount(M) - before)
