# In a 'start' callback the counts are not yet reset: count0 is threshold0 + 1 (+1 for the first info dict).
import gc
gc.set_threshold(50, 3, 10)
gc.collect()
counts = []
def cb(phase, info):
    counts.append((phase, info['generation'], gc.get_count()))
gc.callbacks.append(cb)
keep = []
for i in range(260):
    keep.append([])
gc.callbacks.remove(cb)
final = gc.get_count()
gc.set_threshold(700, 10, 10)
for c in counts:
    print(c)
print(final)
