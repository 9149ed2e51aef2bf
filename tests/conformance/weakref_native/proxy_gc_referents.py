# a proxy's only referent is its callback; the referent does not refer to its proxies
import weakref, gc
class X:
    pass
x = X()
def cb(w):
    pass
p = weakref.proxy(x, cb)
print(gc.get_referents(p) == [cb], p not in gc.get_referents(x), weakref.getweakrefs(x)[0] is p)
