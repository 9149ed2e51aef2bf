# a module whose dict refers back to it is a cycle: only the collector frees it once it is unreachable
import sys, gc, weakref
sys.path.insert(1, sys.path[0] + '/mods')
gc.collect()
import selfref
r = weakref.ref(selfref)
del sys.modules['selfref'], selfref
print(r() is None)
print(gc.collect() > 0, r() is None)
