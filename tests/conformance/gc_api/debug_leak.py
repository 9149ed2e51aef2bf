# DEBUG_LEAK = COLLECTABLE | UNCOLLECTABLE | SAVEALL: objects are reported and kept in gc.garbage.
import gc
gc.collect()
gc.set_debug(gc.DEBUG_LEAK)
class A:
    pass
a = A()
a.me = a
del a
n = gc.collect()
gc.set_debug(0)
print(n, len(gc.garbage), type(gc.garbage[0]).__name__)
gc.garbage.clear()
print(gc.collect())
