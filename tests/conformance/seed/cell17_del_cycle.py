# Seed cell 17: after del d1, d2 each dict is kept alive only by the other: raw refcount 1.
import ctypes as ct
def RefCount(address):
    return ct.c_long.from_address(address).value
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
a1 = id(d1)
a2 = id(d2)
del d1,d2
print(RefCount(a1))
print(RefCount(a2))
