# Temporaries of an expression are released as soon as the statement finishes.
import sys
x = []
n = sys.getrefcount(x)
y = [x, x][0]
print(sys.getrefcount(x) - n)
z = (x, x, x)[1:]
print(sys.getrefcount(x) - n)
del y, z
print(sys.getrefcount(x) - n)
k = len([x] * 100)
print(k, sys.getrefcount(x) - n)
