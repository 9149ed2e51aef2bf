# ctypes arrays: T * n cached per (type, length), the metaclasses, items, slices, c_char arrays,
# nested arrays, arrays as Structure fields, buffers, sizes, _objects and _b_base_.
import ctypes, sys, gc

A = ctypes.c_int * 3
print(A.__name__, A._length_, A._type_ is ctypes.c_int, A is ctypes.c_int * 3, 3 * ctypes.c_int is A)
print(type(A).__name__, type(A).__module__, type(A).__mro__[1:], type(ctypes.Array).__name__)
print(type(ctypes.c_int).__name__, type(ctypes.c_char).__name__, type(ctypes.c_double).__name__)
print(type(ctypes.Structure).__name__, type(ctypes.Union).__name__)
print(ctypes.ARRAY(ctypes.c_int, 3) is A, ctypes.Array in A.__mro__)

a = A(1, 2, 3)
print(a[0], a[-1], a[0:2], a[::2], a[::-1], len(a), list(a), 2 in a)
print(sys.getsizeof(a), sys.getsizeof((ctypes.c_int * 100)()), a._objects, a._b_base_, a._b_needsfree_)
print(gc.is_tracked(a), ctypes.sizeof(A), ctypes.sizeof(a), ctypes.alignment(A))
m = memoryview(a)
print(m.format, m.shape, m.itemsize, m.nbytes, m.readonly)
a[1] = 20
a[0:2] = [8, 9]
print(list(a))
a[::2] = (5, 6)
print(list(a))
for bad in (lambda: a[3], lambda: a[-4], lambda: a.__setitem__(0, 'x'), lambda: a.__setitem__(slice(0, 2), [1]),
            lambda: a.__delitem__(0), lambda: A(1, 2, 3, 4), lambda: a['x'], lambda: ctypes.c_int * -1,
            lambda: ctypes.c_int * 'a', lambda: ctypes.Array(), lambda: ctypes.Structure * 2):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# every scalar type has arrays
for t in (ctypes.c_byte, ctypes.c_ubyte, ctypes.c_short, ctypes.c_int, ctypes.c_uint, ctypes.c_long, ctypes.c_ulong,
          ctypes.c_longlong, ctypes.c_size_t, ctypes.c_ssize_t, ctypes.c_bool, ctypes.c_float, ctypes.c_double, ctypes.c_void_p):
    arr = (t * 2)()
    arr[0] = 1
    print(t.__name__, (t * 2).__name__, ctypes.sizeof(arr), memoryview(arr).format, list(arr))
u = (ctypes.c_ubyte * 2)(255, 256)
print(list(u), list((ctypes.c_byte * 2)(200, -1)))

# c_char arrays: value, raw, items are bytes, slices bytes
C = ctypes.c_char * 5
c = C(b'a', b'b')
print(c.raw, c.value, c[0], c[:], c[1:3], bytes(c), memoryview(c).format, memoryview(c).shape)
c.value = b'xyz'
print(c.raw, c.value)
c.raw = b'12345'
print(c.raw, c.value)
c[0] = b'Q'
c[1] = 65
print(c.raw)
for bad in (lambda: setattr(c, 'value', b'toolong'), lambda: setattr(c, 'value', 'str'), lambda: setattr(c, 'raw', b'123456'),
            lambda: a.value):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# nested arrays
N = (ctypes.c_int * 2) * 3
n = N()
print(N.__name__, type(n[0]).__name__, n[0]._b_base_ is n, ctypes.sizeof(N), memoryview(n).format, memoryview(n).shape)
n[1][0] = 7
row = n[2]
row[1] = 9
print([list(r) for r in n], n._objects)
n[0] = (ctypes.c_int * 2)(4, 5)
print([list(r) for r in n])
try:
    n[0] = [1, 2]
except TypeError as e:
    print('TypeError', e)

# arrays as Structure fields
class S(ctypes.Structure):
    _fields_ = [('a', ctypes.c_int * 2), ('b', ctypes.c_double), ('c', ctypes.c_char * 3)]
s = S()
print(S.a, S.b, S.c, ctypes.sizeof(S), type(s.a).__name__, s.a._b_base_ is s, memoryview(s).format)
s.a[1] = 7
s.c = b"hi"
try:
    s.c = (ctypes.c_char * 3)()
except TypeError as e:
    print("TypeError", e)
try:
    s.c = b"long"
except ValueError as e:
    print("ValueError", e)
print(list(s.a), s.c, s._objects)
s2 = S((ctypes.c_int * 2)(3, 4), 1.5)
print(list(s2.a), s2.b)

# arrays of structures
class P(ctypes.Structure):
    _fields_ = [('x', ctypes.c_int), ('y', ctypes.c_int)]
ps = (P * 2)()
ps[1].y = 5
ps[0] = P(1, 2)
print([(p.x, p.y) for p in ps], memoryview(ps).format, memoryview(ps).shape, memoryview(ps).itemsize)

# py_object arrays keep their objects
O = ctypes.py_object * 2
o = O()
print(o._objects)
o[0] = 'kept'
print(o._objects, o[0])
try:
    o[1]
except ValueError as e:
    print('ValueError', e)

# a subclass statement makes an array class too
class Four(ctypes.Array):
    _type_ = ctypes.c_short
    _length_ = 4
f = Four(1, 2)
print(list(f), ctypes.sizeof(Four), type(Four).__name__)
for body in ({'_type_': ctypes.c_int}, {'_length_': 2}, {'_length_': -1, '_type_': ctypes.c_int}, {'_length_': 2, '_type_': int}):
    try:
        type('X', (ctypes.Array,), body)
    except Exception as e:
        print(type(e).__name__, e)
