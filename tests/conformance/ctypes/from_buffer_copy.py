# from_buffer_copy on Structures, arrays, pointers and scalars: a new object owning a copy.
import ctypes
class P(ctypes.Structure):
    _fields_ = [('a', ctypes.c_int), ('b', ctypes.c_short)]
src = bytearray(b'\x01\x00\x00\x00\x02\x00\x00\x00')
p = P.from_buffer_copy(src)
src[0] = 9
print(p.a, p.b, p._b_needsfree_, p._b_base_, p._objects)
a = (ctypes.c_ubyte * 3).from_buffer_copy(b'abcdef', 2)
print(list(a), type(a).__name__)
print(ctypes.c_double.from_buffer_copy(bytes(8)).value, ctypes.c_char.from_buffer_copy(b'z').value)
for f in (lambda: P.from_buffer_copy(b'12'), lambda: ctypes.Structure.from_buffer_copy(b''), lambda: P.from_buffer_copy(b'12345678', -1),
          lambda: P.from_buffer_copy('str'), lambda: (ctypes.c_int * 2).from_buffer_copy(b'1234567')):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
# the integer types too
print(ctypes.c_int.from_buffer_copy(b'\x05\x00\x00\x00').value, ctypes.c_short.from_buffer_copy(b'xx\xff\xff', 2).value,
      ctypes.c_ulong.from_buffer_copy(b'\xff' * 8).value, ctypes.c_int.from_buffer_copy(bytes(4))._b_needsfree_)
try:
    ctypes.c_int.from_buffer_copy(b'12')
except ValueError as e:
    print('ValueError', e)
