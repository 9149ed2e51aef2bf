# Bug (found by the memory fuzzer): SET_UPDATE copied a set constant into a temporary list (a GC allocation the first time), so the first set display moved count0 one more than 3.11's set_merge does.
import gc
gc.freeze(); gc.collect()
a = gc.get_count()
v4 = {104, 29, 643}
b = gc.get_count()
v5 = {1, 2, 3, 4, 5, 6, 7, 8}
c = gc.get_count()
print(a, b, c, len(v4), len(v5))
