# a descriptor found through the class is called with instance None and the class
class D:
    def __get__(self, obj, owner):
        return ('get', obj, owner.__name__)
class A:
    d = D()
class B(A):
    pass
print(A.d, B.d, B().d[0], B().d[2])
print(A.__dict__['d'].__class__.__name__)
