# Inside a call the parameter adds one reference; *args packs into a tuple, **kwargs into a dict.
import sys
def one(a):
    return sys.getrefcount(a)
def two(a, b):
    return sys.getrefcount(a)
def star(*args):
    return sys.getrefcount(args[0])
def kw(**kwargs):
    return sys.getrefcount(kwargs['k'])
x = []
print(sys.getrefcount(x))
print(one(x))
print(two(x, x))
print(star(x))
print(kw(k=x))
print(one([]))
print(sys.getrefcount(x))
