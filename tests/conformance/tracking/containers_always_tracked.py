# Lists, sets and instances are tracked from creation even when empty or holding only atoms.
import gc
class A:
    pass
for o in [[], [1, 2], set(), {1, 2}, A()]:
    print(type(o).__name__, gc.is_tracked(o))
gc.collect()
l = [1, 2, 3]
s = {1}
print(gc.is_tracked(l), gc.is_tracked(s))
