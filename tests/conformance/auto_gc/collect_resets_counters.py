# A manual collection of generation g zeroes count0..g and bumps count g+1, which shifts the automatic schedule.
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
gens = []
def cb(phase, info):
    if phase == 'start':
        gens.append(info['generation'])
keep = []
for i in range(80):
    keep.append([])
gc.collect(0)
gc.collect(0)
c1 = gc.get_count()
gc.callbacks.append(cb)
for i in range(101 * 10):
    keep.append([])
gc.callbacks.remove(cb)
c2 = gc.get_count()
gc.set_threshold(700, 10, 10)
print(c1, ''.join([str(g) for g in gens]), c2)
