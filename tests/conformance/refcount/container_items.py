# Every slot of a list, tuple, dict or set holds one reference to its item.
import sys
x = []
l = [x, x, x]
print(sys.getrefcount(x))
t = (x, x)
print(sys.getrefcount(x))
d = {'a': x, 'b': x}
print(sys.getrefcount(x))
k = ('key',)
d2 = {k: 1}
print(sys.getrefcount(k))
s = {k}
print(sys.getrefcount(k))
del l, t, d
print(sys.getrefcount(x))
