# Seed cells 14-16: the raw ob_refcnt of each dict in a cycle is 2 (getrefcount minus its argument).
import sys
import ctypes as ct
def RefCount(address):
    return ct.c_long.from_address(address).value
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
a1 = id(d1)
a2 = id(d2)
print(sys.getrefcount(d1))
print(sys.getrefcount(d2))
print(RefCount(a1))
print(RefCount(a2))
