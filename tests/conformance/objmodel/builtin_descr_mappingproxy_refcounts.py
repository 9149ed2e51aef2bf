# a mappingproxy holds its mapping: one reference while it lives; a new proxy per access
import sys, gc
class C:
    pass
d_before = None
p = C.__dict__
q = C.__dict__
print(p is q, p == q, gc.get_referents(p) == [dict(p)], len(gc.get_referents(p)))
r = gc.get_referents(p)[0]
base = sys.getrefcount(r)
del p
print(sys.getrefcount(r) - base)
