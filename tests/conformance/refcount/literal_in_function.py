# Inside a function a literal is held by the function's co_consts, and also by the module's when the module uses it too.
import sys
def f():
    a = 300
    b = 400
    c = a
    d = a
    return sys.getrefcount(a), sys.getrefcount(b)
print(f())
p = 300
print(sys.getrefcount(p))
def g():
    return sys.getrefcount(12345.5)
print(g())
