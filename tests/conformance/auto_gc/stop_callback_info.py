# The 'stop' info of an automatic collection reports the garbage found by that collection.
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
stops = []
def cb(phase, info):
    if phase == 'stop':
        stops.append((info['generation'], info['collected'], info['uncollectable']))
gc.callbacks.append(cb)
for i in range(300):
    l = []
    l.append(l)
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(stops)
