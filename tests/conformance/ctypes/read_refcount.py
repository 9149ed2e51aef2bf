# c_long.from_address(id(x)).value reads ob_refcnt, which tracks every new and dropped reference.
import ctypes
def rc(obj_id):
    return ctypes.c_long.from_address(obj_id).value
x = []
i = id(x)
print(rc(i))
y = x
l = [x, x]
print(rc(i))
del y
l.pop()
print(rc(i))
