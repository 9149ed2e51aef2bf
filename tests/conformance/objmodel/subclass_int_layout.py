# An int subclass's instances: int's variable-size layout with its 30-bit digits (at least one
# allocated), the __dict__ pointer after the digits (tp_dictoffset -8, basicsize 32), no
# __weakref__ (itemsize != 0); int.__sizeof__ counts only the digits, so a subclass instance is
# int's size plus the GC head; always GC-tracked.
import gc
import sys


class I(int):
    pass


class S(int):
    __slots__ = ()


for v in (0, 1, -1, 2 ** 30, 2 ** 60, -(2 ** 90)):
    print(v, sys.getsizeof(v), sys.getsizeof(I(v)), sys.getsizeof(S(v)))
print(gc.is_tracked(5), gc.is_tracked(I(5)), gc.is_tracked(S(5)))
i = I(7)
i.note = 'n'
print(i, i.note, i.__dict__, sys.getsizeof(i))
z = I(0)
z.a = 1
z.b = [2]
print(z, z.a, z.b, repr(z), int(z), bool(z))
big = I(-(2 ** 100))
big.x = 'x'
print(big, big.x, big + 1)
print(isinstance(i, int), type(i) is I, I.__mro__)
try:
    import weakref
    weakref.ref(i)
except TypeError as e:
    print('TypeError', e)
base = sys.getrefcount(I)
j = I(3)
print(sys.getrefcount(I) - base, sys.getrefcount(j))
print([type(o).__name__ for o in gc.get_referents(i)])
del j
print(sys.getrefcount(I) - base)
