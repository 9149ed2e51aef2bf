# A surviving object moves gen 0 -> gen 1 on a gen-0 collection and gen 1 -> gen 2 on a gen-1 collection.
import gc
gc.set_threshold(100, 10, 10)
gc.collect()
def where(o):
    for g in range(3):
        for x in gc.get_objects(g):
            if x is o:
                return g
    return None
marker = ['m']
w0 = where(marker)
keep = []
for i in range(101):
    keep.append([])
w1 = where(marker)
for i in range(11 * 101):
    keep.append([])
w2 = where(marker)
gc.set_threshold(700, 10, 10)
print(w0, w1, w2)
