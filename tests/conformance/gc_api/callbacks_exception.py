# An exception raised in a gc callback is reported as unraisable and the collection still completes.
import gc
gc.collect()
def bad(phase, info):
    if phase == 'stop':
        raise ValueError('callback failed')
gc.callbacks.append(bad)
a = []
a.append(a)
del a
print(gc.collect())
gc.callbacks.remove(bad)
print('after')
