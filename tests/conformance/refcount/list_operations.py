# List operations add and drop references: append, pop, remove, slicing copies, clear.
import sys
x = object()
l = []
l.append(x)
l.append(x)
print(sys.getrefcount(x))
y = l.pop()
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
m = l[:]
print(sys.getrefcount(x))
m.clear()
print(sys.getrefcount(x))
l.extend([x, x])
print(sys.getrefcount(x))
l.remove(x)
print(sys.getrefcount(x))
l *= 3
print(sys.getrefcount(x))
