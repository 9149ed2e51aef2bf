# An instance's split __dict__: popitem combines it first (getsizeof grows to a 64-slot table's,
# 832 bytes), and its copy is a split dict of the same shared keys (the same size), not a
# combined one; a deletion and a re-set keep it split.
import sys


class A:
    pass


a = A(); a.x = 1; a.y = 2; a.z = 3
b = A(); b.z = 1; b.x = 2
v = vars(b)
print(sys.getsizeof(v), list(v))
c = v.copy()
print(type(c).__name__, sys.getsizeof(c) == sys.getsizeof(v), list(c))
c['w'] = 1
print(sys.getsizeof(c) == sys.getsizeof(v), list(c))
c2 = v.copy()
c2[5] = 1
print(sys.getsizeof(c2), list(c2))
del v['z']
print(sys.getsizeof(v), list(v))
v['z'] = 5
v.setdefault('y', 7)
print(sys.getsizeof(v), list(v))
print(v.popitem(), sys.getsizeof(v), list(v))
v['q'] = 1
print(sys.getsizeof(v), list(v))

d = A(); d.w = 1
e = vars(d)
print(e.popitem(), sys.getsizeof(e), e)
try:
    e.popitem()
except KeyError as exc:
    print('KeyError', exc)

f = A(); f.y = 1; f.x = 2
print(sys.getsizeof(dict(vars(f))), sys.getsizeof({**vars(f)}), sys.getsizeof(vars(f).copy()) == sys.getsizeof(vars(f)))
print(sys.getsizeof(f), A.__basicsize__)
