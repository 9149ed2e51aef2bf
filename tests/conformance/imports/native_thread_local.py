# _thread._local (refheap native module): layout, size, tracking, referents (args, the dummies dict of weakref -> attribute dict), attributes per thread as one dict, errors, collection of a local in a cycle
import _thread, sys, gc, weakref
loc = _thread._local()
t = type(loc)
print(t, t.__module__, t.__qualname__, sys.getsizeof(loc), gc.is_tracked(loc))
refs = gc.get_referents(loc)
print(len(refs), refs[0] is t, refs[1], type(refs[2]).__name__, len(refs[2]), [type(k).__name__ for k in refs[2]], list(refs[2].values()))
wr = next(iter(refs[2])); dummy = wr()
print(type(dummy).__name__, type(dummy).__module__, sys.getsizeof(dummy), gc.is_tracked(dummy), type(wr.__callback__).__name__, wr.__callback__.__name__)
print(loc.__dict__, loc.__dict__ is loc.__dict__, loc.__dict__ is refs[2][wr])
loc.x = 1; loc.y = [2]
print(loc.x, loc.y, loc.__dict__, sorted(refs[2][wr]), sys.getsizeof(loc))
del loc.x; print(loc.__dict__, hasattr(loc, 'x'))
for bad in ['loc.z', 'del loc.z', 'loc.__dict__ = {}', '_thread._local(1)', '_thread._local(a=1)']:
    try: exec(bad); print(bad, 'ok')
    except Exception as e: print(bad, type(e).__name__, e)
d = loc.__dict__; rc = sys.getrefcount(d)
w = weakref.ref(loc); wd = weakref.ref(dummy); del dummy, wr, refs
print(sys.getrefcount(d) - rc)
del loc; print(w(), wd(), d)
# a local in a cycle through its own attribute dict is collected with it
gc.collect()
loc = _thread._local(); loc.me = loc; w = weakref.ref(loc)
del loc; print(w() is not None, gc.collect() > 0, w())
l2 = _thread._local(); l3 = _thread._local(); l2.v = 'two'; l3.v = 'three'; print(l2.v, l3.v, l2.__dict__ is not l3.__dict__)
