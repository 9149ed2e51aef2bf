# Structure, Union, CField and scalar instances: getsizeof, basicsize, gc tracking, refcounts
import ctypes
import gc
import sys


class P(ctypes.Structure):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_double)]


class E(ctypes.Structure):
    pass


class U(ctypes.Union):
    _fields_ = [("a", ctypes.c_int)]


print(ctypes.Structure.__basicsize__, ctypes.Union.__basicsize__, P.__basicsize__, E.__basicsize__)
print(sys.getsizeof(P()), sys.getsizeof(E()), sys.getsizeof(U()), sys.getsizeof(P.a))
print(type(P.a).__basicsize__, gc.is_tracked(P.a), gc.is_tracked(P()), gc.is_tracked(E()))
for t in (ctypes.c_char, ctypes.c_bool, ctypes.c_float, ctypes.c_double):
    x = t()
    print(t.__name__, sys.getsizeof(x), gc.is_tracked(x), sys.getrefcount(x), repr(t(1)), x._objects, x._b_base_, x._b_needsfree_)

p = P(1, 2.0)
print(sys.getrefcount(p), p._objects, p._b_base_, p._b_needsfree_)
m = memoryview(p)
print(sys.getrefcount(p))
m.release()
print(sys.getrefcount(p))
v = p.a
print(sys.getrefcount(p))
r = sys.getrefcount(P)
insts = [P() for _ in range(5)]
print(sys.getrefcount(P) - r)
del insts
print(sys.getrefcount(P) - r)
big = E()
ctypes.resize(big, 1000)
del big
gc.collect()
p.self = p
del p
print(gc.collect() >= 1)
print(ctypes.c_double(2.5).value, ctypes.c_float(0.1).value, ctypes.c_char(65).value, ctypes.c_bool([]).value)
d = ctypes.c_double(1)
d.value = 7
print(d.value, d)
