# except*: the leaf exceptions are shared by the original group and its split parts; all is released after.
import sys, gc
class E(Exception):
    pass
leaf = E("leaf")
base = sys.getrefcount(leaf)
try:
    raise ExceptionGroup("eg", [leaf, ValueError()])
except* E as e:
    print("in handler:", sys.getrefcount(leaf) - base, e.exceptions[0] is leaf)
except* ValueError:
    pass
print("after:", sys.getrefcount(leaf) - base)
gc.collect()
print("after collect:", sys.getrefcount(leaf) - base)
