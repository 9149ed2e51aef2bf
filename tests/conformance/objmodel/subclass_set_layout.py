# set and frozenset subclasses: set's 200-byte PySetObject already has its weakref slot, so a
# subclass adds only the managed __dict__ (basicsize 200); always GC-tracked; the small table
# becomes a separate one past 5 items as for set.
import gc
import sys


class S(set):
    pass


class F(frozenset):
    pass


class Slots(set):
    __slots__ = ()


print(sys.getsizeof(set()), sys.getsizeof(S()), sys.getsizeof(F()), sys.getsizeof(Slots()))
print(sys.getsizeof(S(range(10))), sys.getsizeof(F(range(100))))
print(gc.is_tracked(S()), gc.is_tracked(F()), gc.is_tracked(Slots()), gc.is_tracked(frozenset()))
s = S([1, 2])
s.attr = 'a'
print(s.__dict__, sys.getsizeof(s))
base = sys.getrefcount(S)
t = S([3])
print(sys.getrefcount(S) - base, sys.getrefcount(t))
print([type(o).__name__ for o in gc.get_referents(s)])
import weakref
r = weakref.ref(t)
del t
print(r(), sys.getrefcount(S) - base)
c = S()
c.me = c
del c
print(gc.collect())
