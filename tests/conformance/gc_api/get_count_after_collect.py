# Counts after each collection level, and count0 growth by new containers (measured before any print).
import gc
gc.collect()
c0 = gc.get_count()
a = []
b = {}
c = [1]
c1 = gc.get_count()
del a, b, c
c2 = gc.get_count()
gc.collect(0)
c3 = gc.get_count()
gc.collect(1)
c4 = gc.get_count()
gc.collect(0)
gc.collect(0)
c5 = gc.get_count()
gc.collect()
c6 = gc.get_count()
print(c0, c1, c2)
print(c3, c4, c5, c6)
