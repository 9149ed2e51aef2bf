# 3.11 keeps one freed slice for the next one (interp->slice_cache, which start-up has filled and a full collection leaves): a slice made from it or freed into it does not move count0, a second live slice does; so collections under low thresholds fall where CPython's do
import gc
gc.disable()
gc.freeze(); gc.collect()
R = []
v = [1, 2, 3]
b = gc.get_count()[0]
for i in range(3):
    y = v[:]
    R.append(gc.get_count()[0] - b)
b = gc.get_count()[0]
for i in range(3):
    it = iter(v[1:])  # the slice is freed at once, into the cache
    R.append(gc.get_count()[0] - b)
del it
gc.collect()
b = gc.get_count()[0]
v[:] = [4]
R.append(gc.get_count()[0] - b)
# under threshold 1: the statement's new list triggers no collection when its slice comes from the cache
gc.enable()
G = []
gc.set_threshold(1, 50, 700)
G.append(gc.get_count())
v4 = [1]
G.append(gc.get_count())
x = 1
G.append(gc.get_count())
v4[:] = []
G.append(gc.get_count())
y = v4[:]
G.append(gc.get_count())
gc.set_threshold(700, 10, 10)
print(R)
for g in G:
    print(g)
