# After the last reference to a dict cycle goes, the raw refcounts fall to 1, then read 0 once gc has freed them.
import ctypes, gc
def rc(address):
    return ctypes.c_long.from_address(address).value
gc.collect()
d1 = {}
d2 = {}
d1['d2'] = d2
d2['d1'] = d1
a1 = id(d1)
a2 = id(d2)
before = (rc(a1), rc(a2))
del d1, d2
after_del = (rc(a1), rc(a2))
n = gc.collect()
after_gc = (rc(a1), rc(a2))
print(before, after_del, n, after_gc)
