# A cycle in the permanent generation is ignored by gc.collect() until it is unfrozen.
import gc
gc.collect()
a = []
a.append(a)
gc.freeze()
del a
print(gc.collect())
gc.unfreeze()
print(gc.collect())
