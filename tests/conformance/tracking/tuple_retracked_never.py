# An untracked tuple stays untracked; a new tuple built from it is tracked until a collection.
import gc
t = tuple([1, 2])
gc.collect()
u = t + (3,)
print(gc.is_tracked(t), gc.is_tracked(u))
gc.collect(0)
print(gc.is_tracked(u))
w = (t, [])
gc.collect(0)
print(gc.is_tracked(w))
