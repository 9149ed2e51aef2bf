# Raw refcounts of the seed notebook's ints: co_consts plus the name, and still alive after del.
import ctypes
def rc(address):
    return ctypes.c_long.from_address(address).value
d1 = 2300
d2 = 4000
a1 = id(d1)
a2 = id(d2)
print(rc(a1), rc(a2))
del d1, d2
print(rc(a1), rc(a2))
