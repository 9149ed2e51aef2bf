# Untracked dicts still count as GC allocations: 101 kept empty dicts trigger a collection at threshold 100.
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
keep = []
when = []
def cb(phase, info):
    if phase == 'start':
        when.append(len(keep))
gc.callbacks.append(cb)
for i in range(250):
    keep.append({})
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(when, gc.is_tracked(keep[0]))
