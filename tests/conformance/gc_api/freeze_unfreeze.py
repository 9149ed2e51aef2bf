# freeze() moves every tracked object to the permanent generation and zeroes the counts; unfreeze() moves them to gen 2.
import gc
gc.collect()
f0 = gc.get_freeze_count()
x = [[] for i in range(10)]
gc.freeze()
c1 = gc.get_count()
n = gc.get_freeze_count()
objs = gc.get_objects()
k1 = len(objs)
del objs
y = []
k2 = len(gc.get_objects())
k3 = len(gc.get_objects(0))
tracked = gc.is_tracked(x)
gc.unfreeze()
f1 = gc.get_freeze_count()
k4 = len(gc.get_objects(2))
print(f0, c1, n > 100, k1, k2, k3, tracked)
print(f1, k4 >= n)
