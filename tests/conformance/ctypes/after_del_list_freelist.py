# A freed list parked on the list free list keeps its type pointer and reads refcount 0 until reused.
import ctypes
x = [1, 2]
a = id(x)
del x
r0 = ctypes.c_long.from_address(a).value
t0 = ctypes.c_long.from_address(a + 8).value == id(list)
y = []
same = id(y) == a
r1 = ctypes.c_long.from_address(a).value
print(r0, t0, same, r1)
