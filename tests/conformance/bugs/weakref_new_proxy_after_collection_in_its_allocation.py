# weakref.proxy(o, cb): the proxy's allocation can run a collection that frees the referent's
# basic proxy (held only by a garbage cycle); the new proxy is linked into the list as it is after
# that collection (3.11's PyWeakref_NewProxy calls get_basic_refs again).
import gc, weakref
class A:
    def m(self): pass
a = A()
# a callback-less proxy held only by a garbage cycle
c = [weakref.proxy(a)]
c.append(c)
del c
cb = lambda w: None
gc.set_threshold(1)
p = weakref.proxy(a, cb)
print(weakref.getweakrefcount(a), type(p).__name__)
gc.set_threshold(700)
p2 = weakref.proxy(a)
print(weakref.getweakrefcount(a), p2 is weakref.proxy(a), [type(w).__name__ for w in weakref.getweakrefs(a)])
