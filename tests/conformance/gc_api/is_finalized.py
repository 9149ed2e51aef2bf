# is_finalized becomes True once __del__ has run, even when the object is resurrected.
import gc
gc.collect()
saved = []
class Lazarus:
    def __del__(self):
        saved.append(self)
x = Lazarus()
print(gc.is_finalized(x))
del x
o = saved[0]
print(gc.is_finalized(o))
saved.clear()
print(gc.is_finalized(o))
class Plain:
    pass
p = Plain()
print(gc.is_finalized(p), gc.is_finalized(3))
