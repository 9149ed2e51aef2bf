# On LP64 ctypes' c_longlong, c_int64 and c_ssize_t are c_long itself (c_ulonglong, c_uint64 and
# c_size_t c_ulong; c_int32 c_int...): refheap had made each a type of its own. The integer types
# also have _CData's _objects, _b_base_ and _b_needsfree_.
import ctypes
print(ctypes.c_longlong is ctypes.c_long, ctypes.c_int64 is ctypes.c_long, ctypes.c_ssize_t is ctypes.c_long)
print(ctypes.c_ulonglong is ctypes.c_ulong, ctypes.c_uint64 is ctypes.c_ulong, ctypes.c_size_t is ctypes.c_ulong)
print(ctypes.c_int32 is ctypes.c_int, ctypes.c_uint32 is ctypes.c_uint, ctypes.c_int16 is ctypes.c_short, ctypes.c_uint16 is ctypes.c_ushort)
print(ctypes.c_int8 is ctypes.c_byte, ctypes.c_uint8 is ctypes.c_ubyte, ctypes.c_ssize_t.__name__, ctypes.c_size_t(5))
print(ctypes.sizeof(ctypes.c_ushort), ctypes.c_ushort(70000).value, ctypes.c_ushort.__name__)
i = ctypes.c_int(3)
print(i._objects, i._b_base_, i._b_needsfree_, ctypes.c_int.from_address(ctypes.addressof(i))._b_needsfree_)
