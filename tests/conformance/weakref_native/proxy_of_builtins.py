# proxies to objects of classes that subclass nothing, to functions and to methods' owners; callable detection
import weakref
def fn(a, b=2):
    return a + b
class C:
    def __call__(self, v):
        return v * 2
class N:
    pass
c, n = C(), N()
for obj in (fn, c, n, C):
    p = weakref.proxy(obj)
    print(type(p).__name__, callable(p))
print(weakref.proxy(fn)(1), weakref.proxy(fn)(1, b=5), weakref.proxy(c)(21), weakref.proxy(C)().__class__.__name__)
