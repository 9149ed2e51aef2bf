# The whole seed notebook as one program; each cell's bare result expression is printed, as the notebook shows it.
# env-line: 1 raw address of 2
# env-line: 2 raw address of 2
# env-line: 3 raw address of 2
# env-line: 4 raw address of 10
# env-line: 5 raw address of 2
# env-line: 8 raw address of 2
# env-line: 9 raw address of 20
# env-line: 10 refcount of the small int 2 depends on the interpreter
# env-line: 15 refcount of None varies from run to run
# env-line: 16 refcount of None varies from run to run
# env-line: 27 automatic collections during 'import ctypes' (count0 at start is the interpreter's) may already have freed some orphaned cycles
# env-line: 31 reads a freed dict's block after a print, whose internal buffers may reuse it
# env-line: 32 reads a freed dict's block after a print, whose internal buffers may reuse it
# env-line: 35 get_count() includes the interpreter's own allocations (imports, print buffers)
a = 2
a = 2
print(id(a))
print(hex(id(a)))
b = 2
print(hex(id(b)))
a = 10
print(hex(id(a)))
print(hex(id(b)))
a = 2
b = 2
print(b is a)
a = 2
b = 20
print(b is a)
print(id(a))
print(id(b))
a = 2
b = 3
c = a
d = a
import sys
print(sys.getrefcount(a))
a = 300
b = 400
c = a
d = a
import sys
print(sys.getrefcount(a))
print(sys.getrefcount(b))
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
print(sys.getrefcount(d1))
print(sys.getrefcount(d2))
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
d1 = None
d2 = None
print(sys.getrefcount(d1))
print(sys.getrefcount(d2))
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
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
a1 = id(d1)
a2 = id(d2)
print(RefCount(a1))
print(RefCount(a2))
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
a1 = id(d1)
a2 = id(d2)
del d1,d2
print(RefCount(a1))
print(RefCount(a2))
d1 = 2300
d2 = 4000
a1 = id(d1)
a2 = id(d2)
print(RefCount(a1))
print(RefCount(a2))
d1 = 2300
d2 = 4000
a1 = id(d1)
a2 = id(d2)
del d1,d2
print(RefCount(a1))
print(RefCount(a2))
import gc
d1 = 2300
d2 = 4000
a1 = id(d1)
a2 = id(d2)
del d1,d2
print(gc.collect())
print(RefCount(a1))
print(RefCount(a2))
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
a1 = id(d1)
a2 = id(d2)
del d1,d2
print(gc.collect())
print(RefCount(a1))
print(RefCount(a2))
print(gc.get_threshold())
gc.set_threshold(900,20,20)
print(gc.get_threshold())
print(gc.get_count())
print(gc.collect())
# gc.set_threshold(0,0,0)
