# A weakref that is itself part of the garbage is cleared without calling its callback.
import gc, weakref
gc.collect()
class A:
    pass
a = A()
a.me = a
a.wr = weakref.ref(a, lambda r: print('never printed'))
del a
print(gc.collect())
print('end')
