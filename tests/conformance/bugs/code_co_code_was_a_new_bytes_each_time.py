# 3.11 keeps the bytes co_code first returns (_co_code) for the code object's life: the same
# object each time, one reference held by the code; refheap made a new bytes per access.
import sys


def f(a, b=2):
    return a + b * 3


c = f.__code__
x = c.co_code
print(c.co_code is x, c.co_code is c.co_code)
print(sys.getrefcount(x))  # x, the code's cache, the argument
print(type(x).__name__, len(x) == len(c.co_code), x[:2] == bytes([151, 0]))

# a replaced code object has its own cache, made when asked
r = c.replace(co_name="g")
y = r.co_code
print(y == x, y is x, r.co_code is y, sys.getrefcount(y))

# the cache goes with its code object
del r
print(sys.getrefcount(y))
del f, c
print(sys.getrefcount(x))

# a lambda made in a loop shares its code, and so its cached co_code
codes = [(lambda: i).__code__ for i in range(3)]
print(len({id(k.co_code) for k in codes}))

# the start-up modules' code: the cache held by their (deep-frozen) code objects
import os
j = os.path.join.__code__
print(j.co_code is j.co_code, sys.getrefcount(j.co_code))
