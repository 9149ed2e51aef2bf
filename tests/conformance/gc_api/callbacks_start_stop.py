# gc.callbacks are called with phase 'start' then 'stop' and an info dict for every collection.
import gc
gc.collect()
log = []
def cb(phase, info):
    log.append((phase, sorted(info.items())))
gc.callbacks.append(cb)
a = []
a.append(a)
del a
n = gc.collect(1)
gc.collect(0)
gc.callbacks.remove(cb)
gc.collect()
print(n)
for entry in log:
    print(entry)
print(len(gc.callbacks))
