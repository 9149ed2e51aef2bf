# A list subclass's instances: list's 40 bytes, then __weakref__ (basicsize 48), a managed
# __dict__; sizes follow list's over-allocation (list___init__ preallocates exactly, rounded to even).
import gc
import sys


class L(list):
    pass


class S(list):
    __slots__ = ()


print(sys.getsizeof([]), sys.getsizeof(L()), sys.getsizeof(S()))
print(sys.getsizeof(L([1, 2, 3])), sys.getsizeof(L(range(5))), sys.getsizeof(L('abcdefg')), sys.getsizeof(S((1, 2))))
print(gc.is_tracked(L()), gc.is_tracked(S()))
l = L()
sizes = []
for i in range(20):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(sizes)
l.attr = 1
print(sys.getsizeof(l), l.__dict__)
print(isinstance(l, list), type(l) is L, L.__mro__)
import weakref
r = weakref.ref(l)
print(r() is l)
del l
print(r())
