# Equal constants in one file are one object; equal co_consts tuples are merged too, so they add one reference.
import sys
x = 70000
print(sys.getrefcount(x))
def f():
    return 70000
print(sys.getrefcount(x))
h = lambda: 70000
print(sys.getrefcount(x))
def g():
    return 70000 + 1
print(sys.getrefcount(x))
def k():
    y = 70000
    return 'k'
print(sys.getrefcount(x))
print(f.__code__.co_consts is h.__code__.co_consts)
print(f.__code__.co_consts is k.__code__.co_consts)
del f, h, g, k
print(sys.getrefcount(x))
