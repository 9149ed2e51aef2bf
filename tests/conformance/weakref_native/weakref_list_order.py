# the referent's weakref list: basic ref first, then the basic proxy, then refs and proxies with callbacks (newest first after those)
import weakref
class X:
    pass
def cb(w):
    pass
x = X()
p_cb = weakref.proxy(x, cb)
r_cb = weakref.ref(x, cb)
p = weakref.proxy(x)
r = weakref.ref(x)
r_cb2 = weakref.ref(x, cb)
p_cb2 = weakref.proxy(x, cb)
names = {id(p_cb): "p_cb", id(r_cb): "r_cb", id(p): "p", id(r): "r", id(r_cb2): "r_cb2", id(p_cb2): "p_cb2"}
print([names[id(w)] for w in weakref.getweakrefs(x)])
print(weakref.getweakrefcount(x), weakref.getweakrefcount(1), weakref.getweakrefs(1))
del p, r
print([names[id(w)] for w in weakref.getweakrefs(x)])
