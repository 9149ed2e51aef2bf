# proxies do not own their referent; the referent owns nothing of them; dropping the proxy frees it
import weakref, sys, gc
class X:
    pass
x = X()
before = sys.getrefcount(x)
ps = [weakref.proxy(x, lambda w: None) for _ in range(3)]
print(sys.getrefcount(x) - before, weakref.getweakrefcount(x))
del ps
print(weakref.getweakrefcount(x))
p = weakref.proxy(x)
print(sys.getrefcount(p) - 1, weakref.getweakrefcount(x))
del p
print(weakref.getweakrefcount(x))
