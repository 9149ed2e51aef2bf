# materializing __dict__ moves the values into a dict the instance owns; refcounts stay as in CPython
import sys, gc
class C:
    pass
c = C()
v = object()
c.v = v
before = sys.getrefcount(v)
d = c.__dict__
print(sys.getrefcount(v) - before, sys.getrefcount(d))
print(gc.get_referents(c)[0] is d, gc.is_tracked(d))
del c
print(sys.getrefcount(d), d['v'] is v)
