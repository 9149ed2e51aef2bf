# Bug (found by the memory fuzzer): the allocations of CPython's unraisable hook, for reports with marker lines (written one character at a time), two frames, a weakref callback and a gc callback that raise, in a collection and outside one.
import gc, weakref
gc.freeze(); gc.collect()
log = []
def cb(phase, info):
    log.append((phase[:2], info["generation"], gc.get_count()))
def div(a, b):
    return a // b
class K:
    def __del__(self):
        x = div(1, 0)
class O:
    pass
def wcb(w):
    d = {}
    d['missing'] + 1
def gcb(phase, info):
    if phase == "stop" and info["generation"] == 2: raise LookupError(phase)
gc.disable()
for i in range(4):
    k = K()
    del k
gc.enable()
gc.collect()
gc.callbacks.append(cb)
for t in (1, 2, 3, 4, 6):
    gc.set_threshold(t)
    k = K()
    del k
    o = O()
    w = weakref.ref(o, wcb)
    del o
    c = K()
    c.me = c
    del c
    log.append(("count", t, gc.get_count()))
gc.set_threshold(700)
gc.callbacks.append(gcb)
gc.collect()
gc.callbacks.remove(gcb)
gc.collect(0)
log.append(("count", 0, gc.get_count()))
gc.callbacks.remove(cb)
for x in log:
    print(x)
