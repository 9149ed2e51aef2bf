# _abc._abc_data: its type (a GC heap type of 48 bytes), size, tracking, referents in traversal order
# (the type, then registry, cache, negative cache, each made on first use), refcounts, the weakref
# callbacks that take dead classes out of the sets, and the gc allocations of register and the checks
import abc
import _abc
import gc
import sys

gc.disable()


class A(abc.ABC):
    pass


data = A._abc_impl
T = type(data)
print(T.__name__, T.__qualname__, T.__module__, T.__flags__, T.__basicsize__, T.__itemsize__, T.__weakrefoffset__)
print(sys.getsizeof(data), gc.is_tracked(data), sys.getrefcount(data), sys.getrefcount(T) > 2)
print([type(r).__name__ for r in gc.get_referents(data)], gc.get_referents(data)[0] is T)
fresh = T()
print(type(fresh) is T, gc.is_tracked(fresh), sys.getsizeof(fresh), T(1, x=2) is not fresh)
del fresh
try:
    class Sub(T):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    data.x = 1
except AttributeError as e:
    print("AttributeError", e)


class B:
    pass


class C:
    pass


n0 = gc.get_count()[0]
A.register(B)
n1 = gc.get_count()[0]
print("register, first:", n1 - n0)
A.register(C)
n2 = gc.get_count()[0]
print("register, second:", n2 - n1)
print([type(r).__name__ for r in gc.get_referents(data)])
registry = gc.get_referents(data)[1]
print(len(registry), sys.getrefcount(registry), gc.is_tracked(registry))
refs = sorted(registry, key=lambda r: r().__name__)
cb = refs[0].__callback__
print(type(cb).__name__, cb.__name__, cb.__self__() is registry, cb.__self__ is refs[1].__callback__.__self__, cb is not refs[1].__callback__)
print(sys.getrefcount(cb), gc.is_tracked(cb), cb.__module__, sys.getrefcount(cb.__self__))
del refs, cb
n3 = gc.get_count()[0]
print(issubclass(B, A), issubclass(int, A))
n4 = gc.get_count()[0]
print("checks:", n4 - n3)
print(issubclass(B, A), issubclass(int, A))
print("cached checks:", gc.get_count()[0] - n4)
print([len(s) for s in _abc._get_dump(A)[:3]])
del B
print([len(s) for s in _abc._get_dump(A)[:3]])
del C
print([len(s) for s in _abc._get_dump(A)[:3]], len(registry))


class D:
    pass


class E(D):
    pass


A.register(D)
print(issubclass(E, A), [len(s) for s in _abc._get_dump(A)[:3]])
del E
gc.collect()
print([len(s) for s in _abc._get_dump(A)[:3]])
del D
gc.collect()
print([len(s) for s in _abc._get_dump(A)[:3]], len(registry))
del registry
print(sys.getrefcount(data))
wr = __import__("weakref").ref(A)
del A
gc.collect()
print(wr(), sys.getrefcount(data))
gc.enable()
