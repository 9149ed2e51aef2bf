# A tuple cannot refer to itself directly, but through a list it can: 2 objects.
import gc
gc.collect()
l = []
t = (l, 1)
l.append(t)
del l, t
print(gc.collect())
