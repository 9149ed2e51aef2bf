# memoryview: 184 bytes and tracked; its one referent is the managed buffer, which holds the object
import sys, gc
b = bytearray(b"abcdef")
before = sys.getrefcount(b)
m = memoryview(b)
print(sys.getsizeof(m), gc.is_tracked(m), sys.getrefcount(b) - before)
refs = gc.get_referents(m)
print(len(refs), type(refs[0]).__name__)
mb = refs[0]
print(sys.getsizeof(mb), gc.is_tracked(mb), gc.get_referents(mb) == [b])
s = m[1:4]
print(gc.get_referents(s)[0] is mb, sys.getrefcount(b) - before)
del mb, refs
m.release()
print(sys.getrefcount(b) - before)
s.release()
print(sys.getrefcount(b) - before)
m2 = memoryview(b"ro")
print(sys.getsizeof(m2), m2.readonly, memoryview(b).readonly)
