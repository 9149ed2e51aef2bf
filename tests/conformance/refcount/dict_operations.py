# dict set/get/pop/setdefault/update move references in and out; get() returns a new reference.
import sys
v = object()
d = {}
d['a'] = v
print(sys.getrefcount(v))
w = d.get('a')
print(sys.getrefcount(v))
del w
d.setdefault('b', v)
print(sys.getrefcount(v))
d.update({'c': v})
print(sys.getrefcount(v))
p = d.pop('a')
print(sys.getrefcount(v))
del p
d['b'] = None
print(sys.getrefcount(v))
d.clear()
print(sys.getrefcount(v))
