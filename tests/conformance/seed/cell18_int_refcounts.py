# Seed cells 18-19: 2300 and 4000 are held by co_consts and a name (2); after del only by co_consts (1).
import ctypes as ct
def RefCount(address):
    return ct.c_long.from_address(address).value
d1 = 2300
d2 = 4000
a1 = id(d1)
a2 = id(d2)
print(RefCount(a1))
print(RefCount(a2))
del d1,d2
print(RefCount(a1))
print(RefCount(a2))
