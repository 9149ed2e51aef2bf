# a user descriptor's __get__ result is owned by the caller; no reference is kept by the lookup
import sys
class D:
    def __init__(self):
        self.value = object()
    def __get__(self, obj, owner):
        return self.value
class C:
    d = D()
v = C.__dict__['d'].value
base = sys.getrefcount(v)
c = C()
got = [c.d for i in range(10)]
print(sys.getrefcount(v) - base)
del got
print(sys.getrefcount(v) - base)
