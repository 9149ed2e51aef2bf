# del on list items, slices and dict keys drops the container's references.
import sys
x = object()
l = [x, x, x, x]
print(sys.getrefcount(x))
del l[0]
print(sys.getrefcount(x), len(l))
del l[1:]
print(sys.getrefcount(x), len(l))
d = {'a': x, 'b': x}
del d['a']
print(sys.getrefcount(x), list(d))
try:
    del d['zz']
except KeyError as e:
    print(type(e).__name__, e)
try:
    del l[5]
except IndexError as e:
    print(type(e).__name__, e)
