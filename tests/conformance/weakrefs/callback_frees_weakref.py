# A weakref freed by its own callback during a collection is counted as collected.
import gc, weakref
gc.collect()
class A:
    pass
holder = {}
a = A()
b = A()
a.b = b
b.a = a
def cb(ref):
    del holder['r']
holder['r'] = weakref.ref(a, cb)
del a, b
print(gc.collect())
print(holder)
