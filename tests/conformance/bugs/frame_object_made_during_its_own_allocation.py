# Memory fuzzer seed 3037062: a collection started by the allocation of a running frame's frame
# object finalizes an object whose __del__ raises; its finished frame links the running frame's
# object as f_back and so makes it first. As 3.11's _PyFrame_MakeAndSetFrameObject (GH-97002) the
# frame keeps that one and the newly allocated one is dropped at once (count0 one lower after).
import gc, sys
gc.freeze(); gc.collect()
class K1:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        raise ValueError(f"del {self.tag}")
G = []
def cb(ph, info):
    G.append(ph[2]); G.append(info["collected"]); G.append(gc.get_count()[0])
err = ValueError('x')
def s8():
    o = K1(9)
    lst = [o]
    o.a = lst
gc.disable()
gc.collect()
gc.callbacks.append(cb)
s8()
c = gc.get_count()[0]
gc.set_threshold(c)
gc.enable()
try:
    raise err
except Exception as ex:
    G.append(gc.get_count()[0])
ex = None
G.append(gc.get_count()[0])
gc.disable()
print(G)
