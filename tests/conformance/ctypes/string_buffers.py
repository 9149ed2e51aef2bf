# create_string_buffer, c_char_p, memmove and memset (into ctypes' own buffers), byref as an argument.
import ctypes, sys
s = ctypes.c_char_p(b'text')
print(s.value, s._objects, memoryview(s).format, ctypes.sizeof(s), sys.getsizeof(s), type(ctypes.c_char_p).__name__)
print(ctypes.c_char_p().value, ctypes.c_char_p(None).value)
s.value = b'ab'
print(s.value, s._objects)
for f in (lambda: ctypes.c_char_p('str'), lambda: ctypes.c_char_p(1.5), lambda: ctypes.create_string_buffer('x'),
          lambda: ctypes.create_string_buffer(b'abc', 2), lambda: ctypes.create_string_buffer(1.5), lambda: ctypes.memmove(1.5, b'', 0),
          lambda: ctypes.memset(b'', 0, 'x'), lambda: ctypes.byref(5), lambda: type(ctypes.byref(s))()):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
b = ctypes.create_string_buffer(b'hi', 8)
print(b.raw, b.value, ctypes.sizeof(b), type(b).__name__, b._objects, type(b) is ctypes.c_char * 8)
print(ctypes.create_string_buffer(3).raw, ctypes.create_string_buffer(b'xy').raw, ctypes.create_string_buffer(b'xy', 2).raw)
r = ctypes.memmove(b, b'abc', 3)
print(r == ctypes.addressof(b), b.raw)
ctypes.memset(b, 0, 2)
print(b.raw)
ctypes.memset(ctypes.byref(b, 4), 65, 2)
print(b.raw)
ctypes.memmove(ctypes.addressof(b) + 6, b'Z', 1)
print(b.raw)
print(ctypes.cast(b, ctypes.c_char_p).value, ctypes.c_char_p(ctypes.addressof(b) + 2).value)
class S(ctypes.Structure):
    _fields_ = [('s', ctypes.c_char_p)]
x = S(b'zz')
print(x.s, x._objects)
x.s = None
print(x.s)
a = (ctypes.c_char_p * 2)(b'a')
print(a[0], a[1], a._objects)
print(ctypes.string_at(ctypes.c_char_p(b'qq')), ctypes.string_at(b, 3))
i = ctypes.c_int(7)
br = ctypes.byref(i, 2)
print(type(br).__name__, br._obj is i, sys.getsizeof(br), ctypes.cast(br, ctypes.c_void_p).value - ctypes.addressof(i))
# a copy between two ctypes objects, and a structure filled from bytes
class P(ctypes.Structure):
    _fields_ = [('a', ctypes.c_int), ('b', ctypes.c_short)]
p = P()
src = (ctypes.c_ubyte * 6)(1, 0, 0, 0, 2, 0)
ctypes.memmove(ctypes.byref(p), src, 6)
print(p.a, p.b)
ctypes.memset(ctypes.addressof(p), 255, 4)
print(p.a)
