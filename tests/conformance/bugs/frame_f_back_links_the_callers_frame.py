# Bug (found by the memory fuzzer): when a frame object outlives its frame (a traceback holds it), 3.11 links it to its caller's frame object as f_back, making that one if it does not exist yet (take_ownership); refheap kept no f_back, so the caller's frame object was never made (one GC allocation fewer) and a kept traceback did not keep its frames' callers, nor their locals, alive.
import gc, sys
gc.freeze(); gc.collect()
class Tell:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def inner():
    raise ValueError("x")
def outer():
    local = Tell("outer's local")
    try:
        inner()
    except ValueError as e:
        return e
gc.disable()
e = outer()
tb = e.__traceback__
f_outer = tb.tb_frame
f_inner = tb.tb_next.tb_frame
print("inner's f_back is outer's frame", f_inner.f_back is f_outer)
print("outer's f_back is the module's frame", f_outer.f_back is sys._getframe())
print("refcounts", sys.getrefcount(f_outer), sys.getrefcount(f_inner))
del tb, f_outer, f_inner
kept = e.__traceback__.tb_next  # inner's entry only: its frame's f_back keeps outer's frame
print("dropping the exception")
e = None
print("dropping inner's traceback entry")
kept = None
print("done")
gc.enable()
