# Finalized objects are marked: a resurrected object from a collected cycle reports is_finalized True.
import gc
gc.collect()
keep = []
class A:
    def __del__(self):
        keep.append(self)
a = A()
a.me = a
del a
n = gc.collect()
print(n, len(keep), gc.is_finalized(keep[0]))
keep[0].me = None
keep.clear()
print(gc.collect())
