# A collection that a function's prologue starts (MAKE_CELL allocating a cell for a variable its
# closure shares) runs finalizers while that function's frame is still "incomplete" in 3.11: a
# finalizer's caller is then the frame below it, for sys._getframe, f_back and the f_back link
# a finished frame object takes (take_ownership). Found by the differential fuzzer (seed 1051832).
import gc, sys

class D:
    def __del__(self):
        f = sys._getframe(1)
        print("finalizer called from", f.f_code.co_name, "at line", f.f_lineno)
        print("its f_back:", sys._getframe().f_back.f_code.co_name)

def mk(o):
    return lambda: o

def outer():
    return mk(1)

gc.disable()
gc.collect()
d = D()
d.self = d
del d
gc.set_threshold(1)
gc.enable()
c = outer()
gc.set_threshold(700)
print(c())
