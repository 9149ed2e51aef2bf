# Since 3.10 a staticmethod object is callable (sm_call calls its callable with the arguments as
# given), as _pyio.open is (a module-level staticmethod); a classmethod is not.
import sys

def f(*a, **k):
    return a, sorted(k.items())

sm = staticmethod(f)
print(callable(sm), callable(classmethod(f)))
print(sm(1, 2, x=3))
print(staticmethod(len)('abc'))
print(type(staticmethod.__dict__['__call__']).__name__)
print(staticmethod.__call__(sm, 5))
try:
    classmethod(f)(1)
except TypeError as e:
    print('TypeError', e)

class Sub(staticmethod):
    pass

s = Sub(f)
print(callable(s), s('y'))

class C:
    m = staticmethod(f)
    g = m           # the staticmethod object itself, called from the class body below
    r = m(7)
print(C.r, C.m(8))
