# A captured variable lives in a cell: the cell holds the value, and the closure holds the cell.
import sys
def make():
    x = [1]
    def inner():
        return x
    return inner, x
f, v = make()
print(sys.getrefcount(v))
g = f
print(sys.getrefcount(v))
del f, g
print(sys.getrefcount(v))
def make2(arg):
    def a():
        return arg
    def b():
        return arg
    return a, b
obj = []
fa, fb = make2(obj)
print(sys.getrefcount(obj))
del fa
print(sys.getrefcount(obj))
del fb
print(sys.getrefcount(obj))
