# Inside a method, self adds one reference to the instance; none remains once the method returns.
import sys
class A:
    def method(self):
        return sys.getrefcount(self)
a = A()
print(sys.getrefcount(a))
print(a.method())
print(sys.getrefcount(a))
