# Objects served from free lists do not move count0, so a loop of temporaries never triggers a collection.
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
gens = []
def cb(phase, info):
    gens.append(phase)
gc.callbacks.append(cb)
c0 = gc.get_count()
for i in range(10000):
    x = []
    y = {}
    z = [i, i]
c1 = gc.get_count()
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(gens, c0, c1)
