# ten slots: 16-byte header, 80 bytes of slots, GC head; referents in sorted order of the names
import sys, gc
class Ten:
    __slots__ = ('j', 'i', 'h', 'g', 'f', 'e', 'd', 'c', 'b', 'a')
t = Ten()
for n in Ten.__slots__:
    setattr(t, n, n.upper())
print(sys.getsizeof(t), gc.get_referents(t)[:-1])
