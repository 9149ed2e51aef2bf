# Default argument values are held by the function's defaults tuple for as long as the function lives.
import sys
d = []
print(sys.getrefcount(d))
def f(a=d, b=d):
    return a
print(sys.getrefcount(d))
def g(*, k=d):
    return k
print(sys.getrefcount(d))
del f
print(sys.getrefcount(d))
del g
print(sys.getrefcount(d))
