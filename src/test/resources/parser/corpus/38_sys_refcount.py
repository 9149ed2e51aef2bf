import sys

a = []
b = [a, a]
print(sys.getrefcount(a) - 1)
c = {"x": a}
print(sys.getrefcount(a) - 1)
del b[0]
b.clear()
c.pop("x")
print(sys.getrefcount(a) - 1)
x = y = object()
print(sys.getrefcount(x))
