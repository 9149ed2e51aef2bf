# A dict becomes tracked the moment it is inserted into itself, so the cycle is found.
import gc
gc.collect()
d = {'a': 1}
print(gc.is_tracked(d))
d['self'] = d
print(gc.is_tracked(d))
del d
print(gc.collect())
