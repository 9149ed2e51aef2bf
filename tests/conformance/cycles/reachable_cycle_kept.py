# A cycle still reachable from a live name is not collected, however often gc runs.
import gc
gc.collect()
a = []
b = [a]
a.append(b)
holder = a
del a, b
print(gc.collect())
print(len(holder), len(holder[0]))
del holder
print(gc.collect())
