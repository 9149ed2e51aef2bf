# Bug (found by the memory fuzzer): calling weakref.ref, gc.set_threshold or gc.get_referents allocated no argument tuple; in 3.11 weakref.ref has no vectorcall (_PyObject_MakeTpCall packs the arguments) and the two gc functions are METH_VARARGS, so each call makes a tuple (a GC allocation when the tuple free list is empty).
import gc, weakref
gc.freeze(); gc.collect()
class K:
    pass
def cb(w):
    pass
k = K()
a = gc.get_count()
w1 = weakref.ref(k, cb)
b = gc.get_count()
w2 = weakref.ref(k, cb)
c = gc.get_count()
w3 = weakref.ref(k)
d = gc.get_count()
same = w3 is weakref.ref(k)
x = [1]
e = gc.get_count()
gc.set_threshold(700, 10)
f = gc.get_count()
n = len(gc.get_referents(x))
g = gc.get_count()
gc.set_threshold(700, 10, 10)
print('METH_VARARGS calls', e, f, g, n)
print('weakref.ref calls', a, b, c, d, same)
