# a module removed from sys.modules and unbound is freed at once (refcount); its functions keep its dict alive
import sys, weakref
sys.path.insert(1, sys.path[0] + '/mods')
import helper
f = helper.f
r = weakref.ref(helper)
del sys.modules['helper'], helper
print(r() is None, f(4), f.__globals__['counter'])
