# A comprehension's iteration variable does not leak, so no reference survives the comprehension.
import sys
x = []
n = sys.getrefcount(x)
l = [x for i in range(5)]
print(sys.getrefcount(x) - n)
del l
print(sys.getrefcount(x) - n)
d = {i: x for i in range(3)}
print(sys.getrefcount(x) - n)
g = (x for i in range(3))
print(sys.getrefcount(x) - n)
del d, g
s = sum(1 for y in [x, x])
print(s, sys.getrefcount(x) - n)
