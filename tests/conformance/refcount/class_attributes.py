# Class attributes live in the class dict: one reference however many instances read them.
import sys
shared = []
class A:
    s = shared
print(sys.getrefcount(shared))
a = A()
b = A()
print(a.s is shared, sys.getrefcount(shared))
a.s = shared
print(sys.getrefcount(shared))
A.s = None
print(sys.getrefcount(shared))
