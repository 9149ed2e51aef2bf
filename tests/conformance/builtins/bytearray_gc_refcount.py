# bytearray is not tracked by the collector, has no referents, and its count moves as names come and go
import sys, gc
b = bytearray(b"data")
print(gc.is_tracked(b), gc.get_referents(b), type(b).__name__)
print(sys.getrefcount(b) - 1)
refs = [b, b, b]
print(sys.getrefcount(b) - 1)
del refs
print(sys.getrefcount(b) - 1)
c = b.copy()
print(c == b, c is b, sys.getrefcount(c) - 1)
try:
    hash(b)
except TypeError as e:
    print(e)
