# Only a full collection untracks a dict whose contents are all untracked.
import gc
d = {'a': [1]}
d['a'] = 5
print(gc.is_tracked(d))
gc.collect(0)
print(gc.is_tracked(d))
gc.collect(1)
print(gc.is_tracked(d))
gc.collect(2)
print(gc.is_tracked(d))
d['b'] = set()
print(gc.is_tracked(d))
