# Seed cells 26-27: get_count right after a full collection, then collect() with one self-cycle pending.
import gc
gc.set_threshold(900,20,20)
gc.collect()
c = gc.get_count()
x = []
x.append(x)
del x
n = gc.collect()
print(c)
print(n)
