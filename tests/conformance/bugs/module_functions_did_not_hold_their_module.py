# A native module's functions hold their module as m_self and its name as m_module, as
# PyModule_AddFunctions makes them (the builtins' functions too): gc.get_referents shows both,
# and each function is a reference to the module (sys.getrefcount). refheap made them with no
# m_self and found the module by searching sys.modules.
import builtins
import gc
import math
import sys

print([type(r).__name__ for r in gc.get_referents(len)], gc.get_referents(len)[0] is builtins)
print(gc.get_referents(math.sqrt) == [math, 'math'], gc.get_referents(gc.collect)[0] is gc)
print(len.__self__ is builtins, math.sqrt.__self__ is math, sys.getrefcount.__self__ is sys)
print(len.__module__, math.floor.__module__, gc.get_referents(len)[1] == builtins.__name__)
functions = sum(1 for v in vars(math).values() if type(v) is type(len))
print('math functions', functions, 'refcount', sys.getrefcount(math))
print('gc refcount', sys.getrefcount(gc))
before = sys.getrefcount(math)
f = math.sqrt
print(sys.getrefcount(math) - before)
print(math in gc.get_referrers(math.sqrt.__self__) or any(r is math.__dict__ for r in gc.get_referrers(math.sqrt)))
print(repr(len), repr(math.sqrt), math.sqrt == math.sqrt, hash(math.sqrt) == hash(math.sqrt))
