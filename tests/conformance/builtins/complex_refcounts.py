# complex constants are shared from co_consts; arithmetic results are new objects
import sys
def f():
    return 2j
a = f()
b = f()
print(a is b, sys.getrefcount(a) - sys.getrefcount(object()))
c = a + 0j
print(c is a, c == a, sys.getrefcount(c))
