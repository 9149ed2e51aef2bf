# _functools (refheap native module): partial (heap-type layout, referents, flattening, attributes, repr, cycles), cmp_to_key, reduce, errors
import _functools as F, sys, gc
def f(a, b=1, *c, **d): return (a, b, c, d)
p = F.partial(f, 1, x=2)
print(sys.getsizeof(p), gc.is_tracked(p), type(p), type(p).__name__, type(p).__module__)
print([type(r).__name__ for r in gc.get_referents(p)], repr(p).split(' at ')[0], p(3), p(3, x=5, y=6), p.func is f, p.args, p.keywords)
p.attr = 5; print([type(r).__name__ for r in gc.get_referents(p)], p.attr, p.__dict__)
q = F.partial(p, 7, z=1); print(q.func is f, q.args, q.keywords, q())
pp = F.partial(F.partial(f, 1), 2); print(pp.func is f, pp.args)
try: p.func = 1
except AttributeError as e: print('AttributeError', e)
for bad in ['F.partial()', 'F.partial(1)', 'F.reduce(1)', 'F.reduce(max, 1)', 'F.reduce(max, [])', 'F.cmp_to_key()', 'F.cmp_to_key(1)(1, 2)', 'hash(F.cmp_to_key(max)(1))', 'F.cmp_to_key(max)(1) < 3', 'p.nothere', 'del p.nothere']:
    try: exec(bad); print(bad, 'ok')
    except Exception as e: print(bad, type(e).__name__, e)
K = F.cmp_to_key(lambda a, b: a - b); k = K(3); print(type(K), type(k), sys.getsizeof(k), gc.is_tracked(k), [type(r).__name__ for r in gc.get_referents(k)], k.obj, K.obj)
print(sorted([3, 1, 2], key=F.cmp_to_key(lambda a, b: b - a)), K(1) < K(2), K(2) == K(2), K(3) >= K(4), min([5, 3, 9], key=K))
print(F.reduce(lambda a, b: a + b, [1, 2, 3]), F.reduce(lambda a, b: a + b, [], 0), F.reduce(lambda a, b: a * b, range(1, 6), 10))
x = object(); r0 = sys.getrefcount(x); p2 = F.partial(f, x, k=x); print(sys.getrefcount(x) - r0); del p2; print(sys.getrefcount(x) - r0)
t = sys.getrefcount(F.partial); p3 = F.partial(f); print(sys.getrefcount(F.partial) - t); del p3; print(sys.getrefcount(F.partial) - t)
# a cycle through a partial's keywords and dict is collected
gc.collect()
class C: pass
c = C(); c.p = F.partial(f, c); c.p.me = c.p; del c; print(gc.collect())
r = F.partial(f); r.keywords['self'] = r; print(repr(r).count('...')); del r; print(gc.collect())
print(callable(p), callable(K), callable(k))
