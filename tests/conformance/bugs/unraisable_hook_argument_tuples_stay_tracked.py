# Bug (memory fuzzer seed 5203065): the argument tuples CPython's unraisable hook builds while it re-reads a source line, BufferedReader(raw, ...), TextIOWrapper(buffer, ...) and IncrementalNewlineDecoder(decoder, ...), hold a GC object, so a collection started inside the report keeps them tracked and promotes them with the io objects; refheap filled them with None, they were untracked, and generation 1 and 2 counted one survivor fewer, so a full collection came later than CPython's.
import gc, sys
gc.freeze(); gc.collect()
L = []
P = L.append
def cb(phase, info):
    if phase == "stop":
        P(f"gen {info['generation']} survivors {len(gc.get_objects(1))} {len(gc.get_objects(2))}")
class K1:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        raise ValueError(f"del {self.tag}")
v1 = K1(1)
v1.me = v1
v2 = K1(2)
v6 = K1(6)
gc.callbacks.append(cb)
gc.set_threshold(1, 1, 1)
del v1
del v2
del v6
P(f"final collect {gc.collect()}")
gc.disable()
gc.callbacks.clear()
for x in L: print(x)
