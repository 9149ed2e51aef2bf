# The enclosing frame's finished, but the cell object still holds the value: refcount reflects that.
import sys
def outer():
    obj = []
    def inner():
        return obj
    return inner
f = outer()
o = f()
print(sys.getrefcount(o))
f2 = outer()
print(sys.getrefcount(f2()))
del f
print(sys.getrefcount(o))
