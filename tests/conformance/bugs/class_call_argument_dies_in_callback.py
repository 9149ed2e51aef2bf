# The argument of a class call dies when the call releases its operands, and the weakref callback
# that runs then allocates (weakref.finalize(Obj(), ...) does): the class-call path released each
# operand before emptying its stack slot, so the callback's Python code ran while the caller's
# frame still pointed at the dead object (found by --gc-stress on weakref.finalize).
import gc
import weakref


class Obj:
    pass


def callback(r):
    print("callback", [r() is None], {})


class Holder:
    def __init__(self, obj, *args, **kwargs):
        self.ref = weakref.ref(obj, callback)


h = Holder(Obj(), 1, k=2)
print(h.ref() is None)
f = weakref.finalize(Obj(), print, "finalized", sep="")
print(f.alive, gc.collect() >= 0)
