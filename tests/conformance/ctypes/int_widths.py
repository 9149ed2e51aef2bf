# The same refcount word read as c_long, c_ssize_t, c_uint64 and c_int (its low 32 bits).
import ctypes
x = [1]
refs = [x] * 7
a = id(x)
print(ctypes.c_long.from_address(a).value, ctypes.c_ssize_t.from_address(a).value,
      ctypes.c_uint64.from_address(a).value, ctypes.c_int.from_address(a).value)
