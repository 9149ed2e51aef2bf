# casts and slices share the one managed buffer: the exporter's refcount and its exports as views come and go
import sys, gc
b = bytearray(range(16))
before = sys.getrefcount(b)
m = memoryview(b)
mb = gc.get_referents(m)[0]
c = m.cast("i", [2, 2])
s = c.cast("B")[::2]
r = s.toreadonly()
print(sys.getrefcount(b) - before, all(gc.get_referents(v)[0] is mb for v in (c, s, r)))
print(c.obj is b, s.obj is b, r.readonly, s.readonly, gc.is_tracked(c))
try:
    b.append(1)
except BufferError as e:
    print("BufferError", e)
for v in (m, c, s):
    v.release()
print(sys.getrefcount(b) - before, repr(c).startswith("<released memory"))
try:
    c.tolist()
except ValueError as e:
    print("ValueError", e)
r.release()
print(sys.getrefcount(b) - before, gc.is_tracked(mb), gc.get_referents(mb))
b.append(1)
print(len(b))
with memoryview(b).cast("c") as w:
    w[0] = b"A"
print(b[:2], repr(w).split(" at ")[0])
