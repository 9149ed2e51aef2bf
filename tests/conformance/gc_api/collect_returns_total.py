# gc.collect() returns the number of unreachable objects found, summed over all the cycles present.
import gc
gc.collect()
for i in range(5):
    l = []
    l.append(l)
del l
d1 = {}
d2 = {'d1': d1}
d1['d2'] = d2
del d1, d2
print(gc.collect())
print(gc.collect())
