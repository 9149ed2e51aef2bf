# Bug (found by the memory fuzzer): CPython 3.11's default unraisable hook allocates GC objects while it writes an "Exception ignored in" report (its UnraisableHookArgs, a bound write method per piece, the memoryviews of line-buffered stderr, and io's FileIO, BufferedReader, TextIOWrapper and decoder to read the source line again); refheap allocated none, so under low thresholds automatic collections started elsewhere.
import gc
gc.freeze(); gc.collect()
log = []
def cb(phase, info):
    log.append((phase[:2], info["generation"], gc.get_count()))
class K:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        raise ValueError(f"boom {self.i}")
# Warm up with the collector off: the first reports of a process differ (codecs' decode is not yet
# specialized, the module's frame object is made once), and how many there were depends on how
# the program was started.
gc.disable()
for i in range(4):
    k = K(i)
    del k
gc.enable()
gc.collect()
gc.callbacks.append(cb)
for t in (1, 2, 3, 5, 8, 13):
    gc.set_threshold(t)
    for i in range(4):
        k = K(i)
        del k
    log.append(("count", t, gc.get_count()))
gc.callbacks.remove(cb)
gc.set_threshold(700)
for x in log:
    print(x)
