# A weakref's allocation can run a collection that frees the referent's basic ref (here one held
# only by a garbage cycle): the new ref must be linked into the list as it is after that
# collection (3.11 calls get_basic_refs again), not after the freed ref.
import gc, weakref
class A: pass
a = A()
# a callback-less ref held only by a cycle: garbage once the cycle is dropped
c = [weakref.ref(a)]
c.append(c)
del c
cb = lambda w: None
gc.set_threshold(1)
# the next ref's allocation runs a collection that frees the basic ref
r = weakref.ref(a, cb)
print(weakref.getweakrefcount(a), r() is a)
gc.set_threshold(700)
r2 = weakref.ref(a)
print(weakref.getweakrefcount(a), r2() is a)
