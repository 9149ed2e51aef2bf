# del o.__dict__ on an instance of a class defined by Python code: 3.11's subtype_setdict allows it
# (refheap said "cannot delete __dict__"). The attributes go with the dict; the next attribute, or
# the next look at __dict__, makes a new dict (split, over the class's shared keys).
import gc
import sys


class A:
    pass


a = A(); a.y = 1; a.x = 2
d = a.__dict__
del a.__dict__
print(sys.getsizeof(a), d, hasattr(a, 'x'), getattr(a, 'y', 'gone'))
try:
    a.x
except AttributeError as e:
    print('AttributeError', e)
try:
    del a.x
except AttributeError as e:
    print('AttributeError', e)
a.z = 1; a.y = 2
print(list(vars(a)), a.z + a.y, sys.getsizeof(vars(a)), gc.is_tracked(vars(a)))
del a.__dict__
print(vars(a), len(vars(a)), sys.getsizeof(vars(a)), gc.is_tracked(vars(a)))
a.w = 3
print(vars(a), a.__dict__ is vars(a), sys.getsizeof(vars(a)))
a.l = []
print(gc.is_tracked(vars(a)))

# deleting twice, and setting a new one after
b = A(); b.q = 1
del b.__dict__
del b.__dict__
b.__dict__ = {'r': 5}
print(b.r, vars(b))
try:
    b.__dict__ = 5
except TypeError as e:
    print('TypeError', e)


# the values it held are released with the dict
class Held:
    def __del__(self):
        print('released')


c = A(); c.h = Held(); c.k = 1
del c.__dict__
print('after del')
gc.collect()
print(hasattr(c, 'h'))


# __class__ assignment after the dict went: nothing to move
class B2:
    pass


g = A(); g.m = 1
del g.__dict__
g.__class__ = B2
g.n = 2
print(type(g).__name__, vars(g))


# a function's __dict__ still cannot be deleted
def f():
    pass


try:
    del f.__dict__
except TypeError as e:
    print('TypeError', e)
