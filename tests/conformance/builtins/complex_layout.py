# complex objects: 32 bytes, not tracked by the collector, no referents, one reference from a name
import sys, gc
z = complex(3, 4)
print(sys.getsizeof(z), sys.getsizeof(1j), z.__sizeof__())
print(gc.is_tracked(z), gc.get_referents(z))
print(sys.getrefcount(z) - 1)
l = [z, z]
print(sys.getrefcount(z) - 1)
del l
print(sys.getrefcount(z) - 1)
print(type(z) is complex, isinstance(z, complex), type(z).__name__, complex)
w = z + 0
print(w is z, w == z)
