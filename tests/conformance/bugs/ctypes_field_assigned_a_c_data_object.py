# Assigning a C data object to a field or item copies its bytes when it is of the item's type
# (a Structure field refused c_int(3): 'c_int' object cannot be interpreted as an integer), an array
# into a pointer field stores its address, other C data objects are 'incompatible types', and a
# tuple for a Structure or array item is made into one.
import ctypes, sys
a = (ctypes.py_object * 2)()
for v in (lambda: a.__setitem__(0, a), lambda: (ctypes.c_int * 2)().__setitem__(0, ctypes.c_long(1))):
    try:
        v()
    except TypeError as e:
        print('TypeError', e)
x = object()
a[0] = ctypes.py_object(x)
print(a[0] is x, sorted(a._objects))
ia = (ctypes.c_int * 2)()
ia[0] = ctypes.c_int(5)
ia[1] = 6
print(list(ia), ia._objects)
class P(ctypes.Structure):
    _fields_ = [('x', ctypes.c_int), ('y', ctypes.c_int)]
ps = (P * 2)()
ps[0] = (1, 2)
print(ps[0].x, ps[0].y)
n = ((ctypes.c_int * 2) * 2)()
n[1] = (4, 5)
print([list(r) for r in n])
class S(ctypes.Structure):
    _fields_ = [('p', ctypes.POINTER(ctypes.c_int)), ('i', ctypes.c_int), ('d', ctypes.c_double)]
s = S()
arr = (ctypes.c_int * 3)(7, 8, 9)
s.p = arr
s.i = ctypes.c_int(3)
s.d = ctypes.c_double(2.5)
print(s.p[2], s.i, s.d, sorted(s._objects))
try:
    s.i = ctypes.c_double(1.0)
except TypeError as e:
    print('TypeError', e)
try:
    ps[1] = [1, 2]
except TypeError as e:
    print('TypeError', e)
pp = ctypes.pointer(ctypes.c_int(1))
pp[0] = ctypes.c_int(11)
print(pp[0])
class Q(ctypes.Structure):
    _fields_ = [('a', ctypes.c_short), ('b', ctypes.c_short)]
qs = (Q * 2)()
qp = ctypes.cast(qs, ctypes.POINTER(Q))
qp[1] = (3, 4)
qp[0] = Q(1, 2)
print([(q.a, q.b) for q in qs])
try:
    qp[0] = ctypes.c_int(1)
except TypeError as e:
    print('TypeError', e)
