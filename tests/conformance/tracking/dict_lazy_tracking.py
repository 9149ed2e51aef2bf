# Dicts start untracked and become tracked when a key or value that may be tracked is inserted.
import gc
print(gc.is_tracked({}))
print(gc.is_tracked({'a': 1, 'b': 'x', 'c': 2.5, 'd': None}))
print(gc.is_tracked(dict(a=1)))
print(gc.is_tracked({'a': []}))
print(gc.is_tracked({'a': {}}))
print(gc.is_tracked({(1, 2): 3}))
d = {}
d['x'] = 1
print(gc.is_tracked(d))
d['y'] = [1]
print(gc.is_tracked(d))
del d['y']
print(gc.is_tracked(d))
