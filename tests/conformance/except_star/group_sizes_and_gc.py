# ExceptionGroup layout: getsizeof, gc tracking and gc.get_referents order (type, message, exceptions, args).
import sys, gc
eg = ExceptionGroup("eg", [ValueError(1)])
print(sys.getsizeof(eg), gc.is_tracked(eg))
print(gc.get_referents(eg))
beg = BaseExceptionGroup("beg", [KeyboardInterrupt()])
print(sys.getsizeof(beg), gc.is_tracked(beg))
print(gc.get_referents(beg))
import weakref
r = weakref.ref(eg)
print(r() is eg)
try:
    weakref.ref(beg)
except TypeError as e:
    print("TypeError:", e)
