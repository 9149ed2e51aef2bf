# A set holds one reference per member; add of an equal member keeps the original.
import sys
k = (1, 'member')
s = set()
s.add(k)
print(sys.getrefcount(k))
k2 = (1, 'member')
s.add(k2)
print(sys.getrefcount(k), len(s))
s.discard(k)
print(sys.getrefcount(k))
s2 = {k, k}
print(sys.getrefcount(k))
