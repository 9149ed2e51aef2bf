# set_threshold(0) turns automatic collection off: count0 just keeps growing.
import gc
gc.set_threshold(0)
gc.collect()
gens = []
def cb(phase, info):
    gens.append(phase)
gc.callbacks.append(cb)
keep = []
for i in range(5000):
    keep.append([])
c = gc.get_count()
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(gens, c)
