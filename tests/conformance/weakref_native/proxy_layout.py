# proxies: the ref's 80-byte layout, tracked, the callback as the only referent, unhashable, shared without a callback
import weakref, sys, gc
class X:
    pass
x = X()
p = weakref.proxy(x)
print(sys.getsizeof(p), gc.is_tracked(p), gc.get_referents(p), weakref.proxy(x) is p)
def cb(w):
    pass
q = weakref.proxy(x, cb)
print(gc.get_referents(q) == [cb], q is not p, sys.getrefcount(x) - 1)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
f = lambda: 0
cp = weakref.proxy(f)
print(type(cp).__name__, sys.getsizeof(cp), cp(), weakref.proxy(f) is cp)
for bad in [1, "s", (1,), None]:
    try:
        weakref.proxy(bad)
    except TypeError as e:
        print("TypeError:", e)
