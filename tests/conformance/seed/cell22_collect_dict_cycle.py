# Seed cell 22: gc.collect() frees the two-dict cycle (2 objects); their freed blocks then read refcount 0.
import gc
import ctypes as ct
def RefCount(address):
    return ct.c_long.from_address(address).value
gc.collect()
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
a1 = id(d1)
a2 = id(d2)
del d1,d2
n = gc.collect()
r1 = RefCount(a1)
r2 = RefCount(a2)
print(n)
print(r1)
print(r2)
