# Seed cells 20-21: ints are not containers: gc.collect() finds nothing and co_consts keeps them alive.
import gc
import ctypes as ct
def RefCount(address):
    return ct.c_long.from_address(address).value
gc.collect()
d1 = 2300
d2 = 4000
a1 = id(d1)
a2 = id(d2)
del d1,d2
print(gc.collect())
print(RefCount(a1))
print(RefCount(a2))
