# A class derived from threading.local (asyncio's event-loop policy has one): attributes, gc,
# local_new's refusal of arguments when the class has no __init__.
import threading, sys, gc
class L(threading.local):
    x = 1
    def __init__(self, y=5):
        self.y = y
l = L(7)
print(l.x, l.y, type(l).__name__, gc.is_tracked(l))
l.z = 3
print(l.z, sorted(vars(l)) if hasattr(l, '__dict__') else None)
del l.z
print(hasattr(l, 'z'))
class Empty(threading.local):
    pass
e = Empty()
e.a = [e]
import weakref
r = weakref.ref(e)
del e
gc.collect()
print(r())
try:
    Empty(1)
except TypeError as ex:
    print('TypeError', ex)
