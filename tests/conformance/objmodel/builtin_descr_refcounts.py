# a method-wrapper and a bound builtin method hold their self; released with them
import sys
l = []
before = sys.getrefcount(l)
w = l.__iter__
print(sys.getrefcount(l) - before)
m = l.append
print(sys.getrefcount(l) - before)
del w
print(sys.getrefcount(l) - before)
del m
print(sys.getrefcount(l) - before)
d = list.__iter__
base = sys.getrefcount(d)
ws = [l.__iter__ for _ in range(3)]
print(sys.getrefcount(d) - base)
del ws
print(sys.getrefcount(d) - base)
