# With DEBUG_SAVEALL, collected objects are appended to gc.garbage instead of being freed.
import gc
gc.collect()
print(gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
a = []
a.append(a)
del a
print(gc.collect())
print(len(gc.garbage), type(gc.garbage[0]).__name__, gc.garbage[0][0] is gc.garbage[0])
d1 = {}
d2 = {'d1': d1}
d1['d2'] = d2
del d1, d2
print(gc.collect())
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
