# The raw ob_refcnt read with ctypes is exactly getrefcount minus one.
import sys, ctypes
x = [1, 2]
y = x
raw = ctypes.c_long.from_address(id(x)).value
print(raw, sys.getrefcount(x), sys.getrefcount(x) - raw)
o = object()
print(ctypes.c_long.from_address(id(o)).value, sys.getrefcount(o))
s = 'not interned string'
print(ctypes.c_long.from_address(id(s)).value, sys.getrefcount(s))
