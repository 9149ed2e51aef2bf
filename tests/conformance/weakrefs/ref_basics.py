# A weakref returns its referent while alive and None once the referent dies; it adds no strong reference.
import weakref, sys
class A:
    pass
a = A()
n = sys.getrefcount(a)
r = weakref.ref(a)
print(sys.getrefcount(a) - n)
print(r() is a)
del a
print(r())
print(r() is None)
