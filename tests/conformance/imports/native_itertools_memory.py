# itertools objects: gc.get_referents order (tp_traverse) before and after a step, tee's data object,
# refcounts, result tuples reused while unshared, cycles through itertools objects collected
import itertools as it, gc, sys
def names(o):
    out = []
    for r in gc.get_referents(o):
        out.append(type(r).__name__ if not isinstance(r, (int, str, list)) or isinstance(r, bool) else repr(r))
    return out
L = [1, 2, 3]
f = lambda x: x < 2
objs = [it.count(), it.count(5, 2), it.count(2**70), it.cycle(L), it.repeat(L, 2), it.accumulate(L, max, initial=0), it.chain(L, L), it.compress(L, L),
        it.dropwhile(f, L), it.takewhile(f, L), it.filterfalse(f, L), it.starmap(f, [(1,)]), it.islice(L, 1), it.pairwise(L), it.groupby(L, f),
        it.zip_longest(L, L, fillvalue=L), it.product(L, L), it.combinations(L, 2), it.combinations_with_replacement(L, 2), it.permutations(L)]
for o in objs:
    print(type(o).__name__, names(o))
    next(o)
    print('  after next', names(o))
a, b = it.tee(L)
print(names(a), sys.getsizeof(gc.get_referents(a)[0]), gc.is_tracked(gc.get_referents(a)[0]), names(gc.get_referents(a)[0]))
next(a); print(names(gc.get_referents(a)[0]))
g = it.groupby('aab'); k, grp = next(g); print(names(g), names(grp), sys.getrefcount(g))
# refcounts
x = object()
r = it.repeat(x, 3); print(sys.getrefcount(x)); y = next(r); print(sys.getrefcount(x)); del r, y; print(sys.getrefcount(x))
p = it.product([x], [x]); t1 = next(p); print(sys.getrefcount(x), sys.getrefcount(t1))
# result tuple reuse
c = it.combinations(range(4), 2); ids = set()
for t in c: ids.add(id(t))
print(len(ids))
c = it.combinations(range(4), 2); keep = list(c); print(len(set(map(id, keep))))
z = it.zip_longest([1, 2, 3], 'ab'); print(len({id(t) for t in z}))
# cycles through itertools objects are collected
gc.collect()
class Node: pass
n = Node(); n.it = it.cycle([n]); n.ch = it.chain([n]); del n
print(gc.collect())
l = []; l.append(it.repeat(l)); del l; print(gc.collect())
