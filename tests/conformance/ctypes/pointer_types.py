# ctypes pointers: POINTER(T) cached in _pointer_type_cache, pointer(), contents, items, NULL pointers,
# cast to pointer types, pointers as Structure fields, the PyObject-header idioms of memory tutorials.
import ctypes, sys
P = ctypes.POINTER(ctypes.c_int)
print(P.__name__, type(P), P._type_ is ctypes.c_int, P is ctypes.POINTER(ctypes.c_int), ctypes._pointer_type_cache[ctypes.c_int] is P)
i = ctypes.c_int(5)
p = ctypes.pointer(i)
print(type(p) is P, p.contents.value, p[0], bool(p), p._objects, p.contents._b_base_ is p, p.contents is p.contents)
n = P()
print(bool(n), n._objects)
for f in (lambda: n.contents, lambda: n[0], lambda: P(5), lambda: ctypes.pointer(5)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
p[0] = 9; print(i.value); p.contents = ctypes.c_int(3); print(p[0], i.value, p._objects)
print(sys.getsizeof(p), ctypes.sizeof(P), memoryview(p).format, memoryview(p).itemsize, memoryview(p).shape)
a = (ctypes.c_int*3)(1,2,3); q = ctypes.cast(a, P); print(q[0], q[2], q[0:3], q._objects is not None)
pp = ctypes.pointer(p); print(pp.contents.contents.value, type(pp).__name__)
print(type(ctypes.c_void_p).__name__)
class S(ctypes.Structure): _fields_ = [('p', P), ('x', ctypes.c_int)]
s = S(); print(bool(s.p), type(s.p).__name__); s.p = p; print(s.p[0], s._objects is not None)
print(bool(ctypes.cast(0, P)), bool(ctypes.cast(None, P)))
x = 257
pc = ctypes.cast(id(x), ctypes.POINTER(ctypes.c_ssize_t)); print(pc[0] == sys.getrefcount(x) - 1, pc.contents.value == pc[0])
class PyObject(ctypes.Structure): _fields_ = [('ob_refcnt', ctypes.c_ssize_t), ('ob_type', ctypes.c_void_p)]
o = PyObject.from_address(id(x)); pp = ctypes.pointer(o); print(pp.contents.ob_refcnt == o.ob_refcnt, pp.contents.ob_type == id(int))
# items past the first, slices, a pointer to a structure, writes through pointers
arr = (ctypes.c_short * 4)(10, 20, 30, 40)
sp = ctypes.cast(arr, ctypes.POINTER(ctypes.c_short))
print(sp[3], sp[1:3], sp[:4:2])
sp[2] = 33
print(list(arr))
try:
    sp[:]
except ValueError as e:
    print('ValueError', e)
class Pt(ctypes.Structure):
    _fields_ = [('x', ctypes.c_int), ('y', ctypes.c_int)]
pts = (Pt * 2)(Pt(1, 2), Pt(3, 4))
pp2 = ctypes.cast(pts, ctypes.POINTER(Pt))
print(pp2[1].y, pp2.contents.x, type(pp2[1]).__name__, pp2[1]._b_base_ is pp2)
pp2[1].y = 44
print(pts[1].y)
pp2[0] = Pt(7, 8)
print(pts[0].x, pts[0].y)
cp = ctypes.cast((ctypes.c_char * 3)(b'a', b'b', b'c'), ctypes.POINTER(ctypes.c_char))
print(cp[0], cp[0:3], ctypes.POINTER(ctypes.c_char).__name__)
pd = ctypes.pointer(ctypes.c_double(2.5))
print(pd.contents.value, pd[0], memoryview(pd).format)
for f in (lambda: ctypes.POINTER(5), lambda: ctypes._Pointer(), lambda: ctypes.cast(1.5, P), lambda: ctypes.cast(0, ctypes.c_int),
          lambda: p.__delitem__(0), lambda: setattr(p, 'contents', 5), lambda: p['x']):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
pv = ctypes.c_void_p(ctypes.addressof(i))
print(ctypes.cast(pv, P)[0], ctypes.c_void_p().value, ctypes.c_void_p(0).value)
