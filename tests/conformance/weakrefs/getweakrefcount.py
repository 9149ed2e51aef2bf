# getweakrefcount counts the live weakrefs to an object; weakrefs without callback are shared.
import weakref
class A:
    pass
a = A()
print(weakref.getweakrefcount(a))
r1 = weakref.ref(a)
r2 = weakref.ref(a)
print(r1 is r2, weakref.getweakrefcount(a))
r3 = weakref.ref(a, lambda r: None)
print(r3 is r1, weakref.getweakrefcount(a))
del r1, r2
print(weakref.getweakrefcount(a))
del r3
print(weakref.getweakrefcount(a))
print(weakref.getweakrefcount(5))
