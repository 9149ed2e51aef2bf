# getrefcount reports the true count plus one for its argument; each extra name adds one.
import sys
x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
z = y
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
z = None
print(sys.getrefcount(x))
