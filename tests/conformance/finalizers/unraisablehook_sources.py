# sys.unraisablehook: every kind of unraisable error reaches the hook with CPython's err_msg and object
import sys, gc, weakref

got = []
def hook(a):
    obj = a.object
    got.append((a.exc_type.__name__, str(a.exc_value), a.err_msg, type(obj).__name__,
                getattr(obj, "__qualname__", None), a.exc_traceback is not None))
sys.unraisablehook = hook

class D:
    def __del__(self):
        raise ValueError("in del")
D()

class X:
    pass
x = X()
def cb(r):
    raise RuntimeError("in weakref callback")
r = weakref.ref(x, cb)
del x

def gen():
    try:
        yield 1
    finally:
        raise OSError("in generator close")
g = gen()
next(g)
del g

def gccb(phase, info):
    if phase == "stop":
        raise LookupError("in gc callback")
gc.callbacks.append(gccb)
gc.collect()
gc.callbacks.remove(gccb)

class Cyc:
    def __del__(self):
        raise TypeError("in del during gc")
c = Cyc()
c.self = c
del c
gc.collect()

sys.unraisablehook = sys.__unraisablehook__
for g in got:
    print(g)
