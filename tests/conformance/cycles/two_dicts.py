# Two dicts referring to each other: refcount can't free them, the collector finds 2 objects.
import gc, sys
gc.collect()
d1 = {}
d2 = {}
d1['d2'] = d2
d2['d1'] = d1
print(sys.getrefcount(d1), sys.getrefcount(d2))
del d1, d2
print(gc.collect())
