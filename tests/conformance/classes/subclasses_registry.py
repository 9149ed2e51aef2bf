# Every class is registered with its bases by a weak reference: getweakrefcount is 1 from birth; __subclasses__ follows deaths.
import weakref, gc
class A:
    pass
class B(A):
    pass
class C(A):
    pass
print(weakref.getweakrefcount(A), weakref.getweakrefcount(B))
r = weakref.ref(A)
print(weakref.getweakrefcount(A), r() is A)
print([k.__name__ for k in A.__subclasses__()], B.__subclasses__())
del B
gc.collect()
print([k.__name__ for k in A.__subclasses__()])
class D(C, A):
    pass
print([k.__name__ for k in A.__subclasses__()], [k.__name__ for k in C.__subclasses__()])
class Field:
    def __set_name__(self, owner, name):
        print('__set_name__', owner.__name__, name)
        self.name = name
class M:
    a = Field()
    b = Field()
print(M.a.name, M.b.name)
