# a slot owns one reference to its value; replacing or deleting it releases the old one
import sys
class S:
    __slots__ = ('v',)
val = object()
base = sys.getrefcount(val)
s = S()
s.v = val
print(sys.getrefcount(val) - base)
s.v = 1
print(sys.getrefcount(val) - base)
s.v = val
del s.v
print(sys.getrefcount(val) - base)
s.v = val
del s
print(sys.getrefcount(val) - base)
