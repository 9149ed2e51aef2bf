# a module object: 72 bytes, tracked by the collector, its referent the module dict
import sys, gc
sys.path.insert(1, sys.path[0] + '/mods')
import helper
print(sys.getsizeof(helper), gc.is_tracked(helper))
print(gc.get_referents(helper) == [vars(helper)])
print(gc.is_tracked(vars(helper)), type(gc.get_referents(helper)[0]).__name__)
