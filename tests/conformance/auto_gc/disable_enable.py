# gc.disable() stops automatic collection; after enable() the next allocation over the threshold collects.
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
gc.disable()
log = []
keep = []
def cb(phase, info):
    if phase == 'start':
        log.append(len(keep))
gc.callbacks.append(cb)
for i in range(500):
    keep.append([])
c1 = gc.get_count()
gc.enable()
c2 = gc.get_count()
keep.append([])
c3 = gc.get_count()
for i in range(100):
    keep.append([])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(log, c1, c2, c3)
