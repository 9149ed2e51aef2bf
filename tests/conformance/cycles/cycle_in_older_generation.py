# A cycle promoted to generation 1 is not found by collect(0) but is by collect(1).
import gc
gc.collect()
a = []
a.append(a)
gc.collect(0)
del a
print(gc.collect(0))
print(gc.collect(1))
b = []
b.append(b)
gc.collect(1)
del b
print(gc.collect(0), gc.collect(1))
print(gc.collect(2))
