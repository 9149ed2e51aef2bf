# Subclasses of property: the managed dict after property's 64 bytes (getsizeof 104), the getter's
# doc kept in the instance's dict, setter/getter/deleter copies of the subclass's type, a __get__
# override calling the base's through super(), and the exact property's attributes.
import gc
import sys


class cached(property):
    pass


class K:
    @cached
    def x(self):
        "the x"
        return 10

    @x.setter
    def x(self, v):
        print("set", v)

    @x.deleter
    def x(self):
        print("deleted")


k = K()
print(k.x)
k.x = 5
del k.x
p = K.__dict__["x"]
print(type(p).__name__, isinstance(p, property), p.__doc__, sys.getsizeof(p), sys.getsizeof(property()))
print(p.__dict__, gc.is_tracked(p))
refs = gc.get_referents(p)
print(refs[0], refs[1] is cached, refs[2] is p.fget, refs[3] is p.fset, refs[4] is p.fdel)
print(K.x is p, p.fget.__name__)


class logged(property):
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        print("logged get")
        return super().__get__(obj, objtype)


class L:
    @logged
    def y(self):
        return 7


print(L().y, type(L.y).__name__)
q = property(fget=len, doc="documented")
print(q.__doc__, q.fget is len, q.fset, q.fdel)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print(e)
print(type(property).__name__, property.__name__)
