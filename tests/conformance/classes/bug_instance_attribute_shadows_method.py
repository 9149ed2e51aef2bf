# An instance attribute shadows a method of its class (functions are non-data descriptors):
# refheap returned the bound method even when the instance had its own value under that name.
class A:
    def m(self):
        return 'method'

a = A()
a.m = lambda: 'instance'
print(a.m(), A().m())
print(a.m is a.__dict__['m'])
del a.m
print(a.m())
