# gc.collect() called while a collection is running (from a callback) returns 0 at once.
import gc
gc.collect()
inner = []
def cb(phase, info):
    if phase == 'start':
        inner.append(gc.collect())
gc.callbacks.append(cb)
a = []
a.append(a)
del a
n = gc.collect()
gc.callbacks.remove(cb)
print(n, inner)
