# _collections._tuplegetter: namedtuple's field descriptors are CPython's C type (32 bytes, tracked,
# __get__/__set__/__delete__, a writable __doc__ member, __reduce__), not the fallback property
import _collections as c, sys, gc, pickle, copy
from collections import namedtuple
T = c._tuplegetter
g = T(1, 'doc')
print(T.__flags__ & ~(1 << 19), T.__basicsize__, T.__itemsize__, sys.getsizeof(g), gc.is_tracked(g), T.__module__, T.__name__, T.__qualname__, repr(g), g.__reduce__(), T.__doc__)
print(sorted(set(dir(T)) - set(dir(object))))
print(gc.get_referents(g))
for f in (lambda: T(), lambda: T(1), lambda: T(1, 2, 3), lambda: T('a', 'b'), lambda: T(-1, None)(), lambda: T(x=1, y=2)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
t = T(5, None)
for f in (lambda: t.__get__((1,2)), lambda: t.__get__([1]), lambda: t.__get__(None, tuple), lambda: t.__set__((1,), 2), lambda: t.__delete__((1,)), lambda: T(-1, None).__get__((1,2)), lambda: t.__get__(None, None)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
g.__doc__ = 'x'; print(g.__doc__, gc.get_referents(g))
try:
    class Sub(T): pass
except TypeError as e: print(e)
P = namedtuple('P', 'x y')
p = P(1, 2)
print(type(P.x).__name__, P.x, P.y.__doc__, p.x, p.y, sys.getrefcount(P.__dict__['x']))
try: p.x = 5
except AttributeError as e: print(e)
print(pickle.loads(pickle.dumps(P.x)), copy.deepcopy(P.y))
print(time_struct := __import__('time').gmtime(0), T(0, None).__get__(time_struct))
class Q(P):
    __slots__ = ()
    @property
    def s(self): return self.x + self.y
print(Q(3, 4).s, Q(3, 4).x)
