# Refcounts and traversal of dict subclass instances: the class holds one reference per
# instance; gc.get_referents gives the instance dict (when made), the class, then dict's own
# traversal (values for a str-keyed table, keys and values otherwise).
import gc
import sys


class D(dict):
    pass


base = sys.getrefcount(D)
d = D()
print(sys.getrefcount(D) - base, sys.getrefcount(d))
v = []
d['k'] = v
print(sys.getrefcount(v))
print([type(o).__name__ for o in gc.get_referents(d)])
d2 = D()
d2[1] = v
print([type(o).__name__ for o in gc.get_referents(d2)])
d.extra = 'e'
print([type(o).__name__ for o in gc.get_referents(d)])
print(d.__dict__, sys.getrefcount(v))
del d
print(sys.getrefcount(v), sys.getrefcount(D) - base)
del d2
print(sys.getrefcount(v), sys.getrefcount(D) - base)
