# del obj.attr drops the reference; deleting a missing attribute raises AttributeError.
import sys
class A:
    pass
x = []
o = A()
o.v = x
print(sys.getrefcount(x))
del o.v
print(sys.getrefcount(x), hasattr(o, 'v'))
try:
    del o.v
except AttributeError as e:
    print(type(e).__name__, e)
