# DEBUG_COLLECTABLE reports each unreachable object on stderr as 'gc: collectable <type address>'.
import gc
gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE)
a = []
a.append(a)
del a
d1 = {}
d2 = {'d1': d1}
d1['d2'] = d2
del d1, d2
n = gc.collect()
gc.set_debug(0)
print(n)
