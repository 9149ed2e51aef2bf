# functools.lru_cache is the C _lru_cache_wrapper: its size, referents (links in LRU order), keys, hits and
# misses, eviction reusing the oldest link, refcounts of cached results, binding as a method, copy and
# pickle, the instance dict update_wrapper fills, errors, and cycles through the cache collected
import functools, sys, gc, copy, pickle
T = functools._lru_cache_wrapper
print(T, T.__module__, T.__mro__)
@functools.lru_cache(maxsize=2)
def f(x, y=1):
    return x
print(sys.getsizeof(f), gc.is_tracked(f), list(f.__dict__), f.__wrapped__.__name__, f.cache_info(), f.cache_parameters())
for i in range(3):
    f(i)
f(0, y=2)
r = gc.get_referents(f)
print(f.cache_info(), [type(x).__name__ for x in r])
print(r[1], r[2], r[4][0], r[4][2:], r[5])
print(f.__name__, f.__qualname__, f.__doc__, type(f.cache_info()).__name__)
class C:
    @functools.lru_cache
    def m(self, x):
        return x
c = C()
print(c.m(3), type(C.m).__name__, type(c.m).__name__, C.__dict__['m'].__get__(None, C) is C.m)
print(copy.copy(f) is f, copy.deepcopy(f) is f, f.__reduce__())
print(functools.lru_cache(maxsize=0)(len).cache_info(), functools.lru_cache(None)(len).cache_info())
try:
    functools.lru_cache(maxsize='x')
except TypeError as e:
    print(e)
try:
    T(1, 2, False, None)
except TypeError as e:
    print(e)
try:
    T(len, 'x', False, None)
except TypeError as e:
    print(e)
g = functools.lru_cache(typed=True)(lambda x: x)
g(1); g(1.0); g(1)
print(g.cache_info(), sorted(map(repr, g.__wrapped__.__code__.co_varnames)))
# refcounts: a cached result is held by the link (bounded) or the dict (unbounded)
class R: pass
res = R()
h = functools.lru_cache(maxsize=10)(lambda k: res)
print(sys.getrefcount(res)); h(1); print(sys.getrefcount(res)); h(1); print(sys.getrefcount(res))
u = functools.lru_cache(maxsize=None)(lambda k: res)
u('a'); print(sys.getrefcount(res), u.cache_info())
h.cache_clear(); u.cache_clear(); print(sys.getrefcount(res), h.cache_info())
# keys: one int/str argument is its own key; otherwise the args tuple, or a flat tuple with keywords
seen = functools.lru_cache(maxsize=None)(lambda *a, **k: None)
seen(5); seen('s'); seen(1, 2); seen(1.5); seen(1, k=2)
key_types = [type(x).__name__ for x in gc.get_referents(gc.get_referents(seen)[1])]
print(key_types)
# hash runs once per call
class H:
    def __hash__(self):
        print('hash'); return 1
    def __eq__(self, o):
        print('eq'); return self is o
k = H()
hh = functools.lru_cache(maxsize=4)(lambda x: 7)
hh(k); hh(k)
print(hh.cache_info())
# eviction order and a full cache reusing the oldest link
ev = functools.lru_cache(maxsize=2)(lambda x: x * 10)
for x in [1, 2, 1, 3, 2, 1]:
    ev(x)
print(ev.cache_info())
def chain():
    return [type(x).__name__ if not isinstance(x, int) else x for x in gc.get_referents(ev)]
print(chain())
# cycles through the cache are collected
class Node:
    pass
@functools.lru_cache(maxsize=None)
def mk(i):
    n = Node(); n.f = mk; return n
mk(1); del mk; print(gc.collect() > 0)
w = functools.lru_cache(maxsize=3)(lambda: 1)
import weakref
wr = weakref.ref(w); del w; print(wr())
p = pickle.dumps(f); print(pickle.loads(p) is f)
print(repr(f).startswith('<functools._lru_cache_wrapper object at'))
f.extra = 1; print(f.extra, 'extra' in f.__dict__)
del f.extra
try:
    del f.extra
except AttributeError as e:
    print(e)
print(T.cache_info.__doc__, T.cache_clear.__doc__)
