# A cycle whose finalizer resurrects it is not freed (collect returns 0); later it is freed without a second __del__.
import gc
gc.collect()
keep = []
class R:
    def __del__(self):
        print('R.__del__')
        keep.append(self)
class Other:
    pass
r = R()
o = Other()
r.o = o
o.r = r
del r, o
print(gc.collect())
print(len(keep), type(keep[0].o).__name__)
keep.clear()
print(gc.collect())
