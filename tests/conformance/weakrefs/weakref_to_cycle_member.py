# A weakref to a cycle member keeps working until the collector frees the cycle.
import gc, weakref
gc.collect()
class A:
    pass
a = A()
a.me = a
r = weakref.ref(a)
del a
print(r() is not None)
print(gc.collect())
print(r())
