# Instance attributes hold references; an instance holds one reference to its class.
import sys
class A:
    pass
x = []
print(sys.getrefcount(x))
o = A()
o.a = x
print(sys.getrefcount(x))
o.b = x
print(sys.getrefcount(x))
del o.a
print(sys.getrefcount(x))
n = sys.getrefcount(A)
p = A()
q = A()
print(sys.getrefcount(A) - n)
del p, q
print(sys.getrefcount(A) - n)
