# A tuple reachable only through an outer tuple is revisited after it, so the outer one needs a second collection of its (older) generation.
import gc
named_inner = tuple([1, 2])
outer1 = tuple([named_inner, 3])
outer2 = tuple([tuple([1, 2]), 3])
gc.collect(0)
a = (gc.is_tracked(named_inner), gc.is_tracked(outer1), gc.is_tracked(outer2[0]), gc.is_tracked(outer2))
gc.collect(0)
b = (gc.is_tracked(outer2[0]), gc.is_tracked(outer2))
gc.collect(1)
c = (gc.is_tracked(outer2[0]), gc.is_tracked(outer2))
print(a, b, c)
