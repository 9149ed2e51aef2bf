# copy() and dict() keep an untracked dict untracked; a copy of a tracked dict is tracked.
import gc
a = {'x': 1}
print(gc.is_tracked(a.copy()), gc.is_tracked(dict(a)))
b = {'x': [1]}
print(gc.is_tracked(b.copy()), gc.is_tracked(dict(b)))
c = {}
c.update(a)
print(gc.is_tracked(c))
c.update(b)
print(gc.is_tracked(c))
print(gc.is_tracked({k: k for k in range(3)}), gc.is_tracked({k: [k] for k in range(3)}))
