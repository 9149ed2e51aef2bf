# A dead weakref keeps returning None; weakrefs compare equal while their referents are alive and equal, then only by identity.
import weakref
class A:
    pass
a = A()
b = A()
r = weakref.ref(a)
s = weakref.ref(b)
print(r == s, r == weakref.ref(a))
del a
print(r(), r() is None, r == r, r == s)
del b
print(s(), r == s)
