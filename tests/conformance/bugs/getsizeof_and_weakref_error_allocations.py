# Bug (found by the memory fuzzer): sys.getsizeof allocated neither its argument tuple (METH_VARARGS|METH_KEYWORDS) nor the bound __sizeof__ 3.11 looks up, and a failed weakref.ref made its exception while its argument tuple was still alive (3.11 makes it after the call, reusing that tuple): each moved count0 differently.
import gc, sys, weakref
gc.freeze(); gc.collect()
v1 = []
a = gc.get_count()
s = sys.getsizeof(v1)
b = gc.get_count()
s = sys.getsizeof(v1)
c = gc.get_count()
v4 = [1]
try:
    w10 = weakref.ref(v4)
except Exception as ex:
    n = type(ex).__name__
d = gc.get_count()
try:
    w10 = weakref.ref(v4)
except Exception as ex:
    n = type(ex).__name__
e = gc.get_count()
print(a, b, c, d, e)
