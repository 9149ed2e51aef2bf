# set's algebra as CPython 3.11's setobject.c computes it: which copy is made, which table is
# iterated, when a table is resized (sys.getsizeof), which temporary objects are allocated
# (gc.get_count after a full collection, which empties the tuple free list) and the order in
# which keys' __eq__/__hash__ run. refheap made a temporary set of every non-set argument,
# added |='s keys one by one, cleared and refilled the set for &=, packed no argument tuple for
# METH_VARARGS methods, and iterated set subclasses through their __iter__.
import gc
import sys

size = sys.getsizeof
base = {1, 2, 3}
for other in ([4, 5], (4, 5), {4: 0, 5: 0}, {4, 5}, frozenset([4, 5]), range(4, 6), 'ab'):
    name = type(other).__name__
    print(name, 'union', size(base.union(other)), 'update', end=' ')
    t = set(base)
    t.update(other)
    print(size(t), end=' ')
    if isinstance(other, (set, frozenset)):
        t = set(base)
        t |= other
        print('ior', size(t), 'or', size(base | other), end=' ')
    print('sym', size(base.symmetric_difference(other)), 'inter', size(set(range(40)).intersection(other)))

print('self', size(base | base), size(base.union(base)), size(base.union(base, [4])))
for n in (8, 16, 20, 24, 32, 40, 64, 100):
    for k in (1, 2, 3, 4, 5, 6):
        s = set(range(n))
        s.difference_update(range(n * k // 8))
        t = set(range(n))
        t -= set(range(n * k // 8))
        u = set(range(n)).difference(range(n * k // 8))
        print(n, k, size(s), size(t), size(u), end=' | ')
    print()

s = set(range(100))
s &= {1, 2}
print('iand', size(s), sorted(s))
s = set(range(100))
s.intersection_update(range(50), [3, 4, 5])
print('intersection_update', size(s), sorted(s))
s = set(range(10))
s.intersection_update()
print('intersection_update()', size(s))
f = frozenset(range(30))
g = f & frozenset(range(5))
print('frozenset and', type(g).__name__, size(g), type(f.union()).__name__, f.union() is f)


class Loud:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print('  hash', self.v)
        return self.v

    def __eq__(self, other):
        print('  eq', self.v, getattr(other, 'v', other))
        return isinstance(other, Loud) and self.v == other.v


a, b, c = Loud(1), Loud(2), Loud(1)
print('contains-order')
s = {a, b}
print(s.issuperset([c]), s.isdisjoint([c]), s.intersection([c]) == {a})
print({1}.issuperset([2, []]), {1}.isdisjoint([1, []]))
fa, fb = frozenset([a]), frozenset([c])
print('frozen eq before hashing', fa == fb)
hash(fa), hash(fb)
print('frozen eq after hashing', fa == fb)


class S(set):
    def __iter__(self):
        print('  S.__iter__')
        return super().__iter__()


print('subclass')
print(sorted({1}.union(S([2]))), {1}.isdisjoint(S([2])), {1}.issuperset(S([1])), sorted({1, 2} - S([2])))
t = {1}
t.update(S([5]))
print(sorted(t))

d = {i: None for i in range(5)}
print('views', size(d.keys() - set()), size(d.keys() | set()), size(d.keys() ^ set()), size(d.keys() & set(range(10))))
print(size(set() - d.keys()), size(d.items() - set()))


def delta(f):
    gc.collect()
    before = gc.get_count()[0]
    f()
    return gc.get_count()[0] - before


s = {1, 2, 3}
print('counts', delta(lambda: s.union([2])), delta(lambda: s.difference_update({9})), delta(lambda: s.isdisjoint([2])),
      delta(lambda: s.update()), delta(lambda: s & {4}), delta(lambda: s.intersection([1], [2])), delta(lambda: s.issubset([1, 2, 3])))
try:
    s.update([1], key=2)
except TypeError as e:
    print(e)
try:
    s.union(x=1)
except TypeError as e:
    print(e)
