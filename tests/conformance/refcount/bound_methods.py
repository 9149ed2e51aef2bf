# A bound method holds its instance and its function; it dies with the last reference to it.
import sys
class A:
    def m(self):
        return self
o = A()
print(sys.getrefcount(o))
m = o.m
print(sys.getrefcount(o))
m2 = o.m
print(sys.getrefcount(o))
del m, m2
print(sys.getrefcount(o))
r = o.m()
print(sys.getrefcount(o))
