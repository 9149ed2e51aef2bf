# Inserting an untracked tuple keeps a dict untracked; a still-tracked tuple makes it tracked.
import gc
t = tuple([1, 2])
d1 = {'k': t}
print(gc.is_tracked(t), gc.is_tracked(d1))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(d1))
d2 = {'k': t}
print(gc.is_tracked(d2))
d3 = {t: 'v'}
print(gc.is_tracked(d3))
