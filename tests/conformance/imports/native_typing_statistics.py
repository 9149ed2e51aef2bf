# _typing and _statistics, CPython 3.11's accelerators for typing and statistics (extension modules in
# lib-dynload): refheap lacked them, so typing and statistics fell back to their Python versions and
# sys.modules differed; _normal_dist_inv_cdf gives python3's bits (AS241 with the C library's log).
import sys, gc
import _statistics as s, _typing as t
print(s.__name__, t.__name__, s.__doc__, t.__doc__, s.__spec__.origin.rsplit("/", 1)[-1], type(s.__loader__).__name__)
print(sorted(vars(s)), sorted(vars(t)))
f = s._normal_dist_inv_cdf
print(f.__doc__, f.__text_signature__, f.__module__, f.__name__, f.__qualname__, repr(f)[:40])
print(t._idfunc.__doc__, t._idfunc.__text_signature__, repr(t._idfunc)[:30])
import statistics, random
print(statistics._normal_dist_inv_cdf is f)
vals = []
r = random.Random(5)
for i in range(2000):
    p = r.random()
    if p == 0: continue
    vals.append(f(p, r.uniform(-5, 5), r.uniform(0.1, 3)))
for p in (1e-300, 1e-20, 1e-10, 0.001, 0.02425, 0.075, 0.5, 0.925, 0.97575, 1 - 1e-16):
    vals.append(f(p, 0.0, 1.0))
print(hash(tuple(vals)), vals[-10:])
nd = statistics.NormalDist(10, 2)
print(nd.inv_cdf(0.3), nd.quantiles(5), statistics.NormalDist().inv_cdf(0.999))
for args in [(0.0,0,1),(1.0,0,1),(0.3,0,0),(float('nan'),0,1),('a',0,1),(0.5,),(0.5,0,10**400)]:
    try: print(f(*args))
    except Exception as e: print(type(e).__name__, e)
try: f(p=0.5, mu=0, sigma=1)
except Exception as e: print(type(e).__name__, e)
for args, kw in [((), {}), ((1, 2), {}), ((), {'x': 1})]:
    try: t._idfunc(*args, **kw)
    except Exception as e: print(type(e).__name__, e)
import typing
UserId = typing.NewType('UserId', int)
print(UserId(5), type(UserId.__call__).__name__, UserId.__call__ is t._idfunc)
o = object(); before = sys.getrefcount(o); x = t._idfunc(o); print(sys.getrefcount(o) - before)
print(gc.is_tracked(s), sys.getsizeof(s) > 0, '_typing' in sys.modules, '_statistics' in sys.modules)
