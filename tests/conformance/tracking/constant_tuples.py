# Constant tuples of atoms are tracked when the code is compiled and untracked after a collection.
import gc
def f():
    return (1, 2, 'three')
t = f()
before = gc.is_tracked(t)
gc.collect()
print(before, gc.is_tracked(t), gc.is_tracked(f()))
