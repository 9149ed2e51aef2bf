# A tuple of untracked items is tracked when built and untracked by the next collection of any generation.
import gc
t = tuple([1, 2])
print(gc.is_tracked(t))
gc.collect(0)
print(gc.is_tracked(t))
u = tuple([1, [2]])
gc.collect(0)
print(gc.is_tracked(u))
v = tuple(['a', 'b'])
gc.collect(1)
print(gc.is_tracked(v))
print(gc.is_tracked(()))
