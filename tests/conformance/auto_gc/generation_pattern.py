# With live allocations, every 11th automatic collection is of generation 1 (count1 must exceed threshold1=10).
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
gens = []
def cb(phase, info):
    if phase == 'start':
        gens.append(info['generation'])
gc.callbacks.append(cb)
keep = []
for i in range(3000):
    keep.append([])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(len(gens))
print(''.join([str(g) for g in gens]))
