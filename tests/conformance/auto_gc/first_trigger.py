# Automatic collection runs inside the allocation that makes count0 exceed threshold0: the 101st list for threshold 100.
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
keep = []
seen = []
def cb(phase, info):
    if phase == 'start':
        seen.append(info['generation'])
        seen.append(len(keep))
gc.callbacks.append(cb)
for i in range(150):
    keep.append([])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(seen)
