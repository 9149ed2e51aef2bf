# slice objects: construction, attributes, indices, comparison, 3.11's unhashability, size and tracking
import sys, gc
s = slice(1, 10, 2)
print(s, slice(5), slice(None, None, -1), slice("a", [1], None), s.start, s.stop, s.step, slice(3).start)
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(-100, 100, 3).indices(7))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3), slice(1, 2, 3) != (1, 2, 3))
print(sys.getsizeof(s), gc.is_tracked(s), gc.get_referents(s), gc.get_referents(slice(None)))
l = list(range(10))
print(l[s], l[slice(-3, None)], "abcdef"[slice(None, None, 2)], (1, 2, 3)[slice(1, None)])
for bad in [lambda: hash(s), lambda: slice(), lambda: slice(1, 2, 3, 4), lambda: slice(1, 2, 0).indices(3), lambda: s.indices(-1),
            lambda: s.indices("x"), lambda: {s: 1}]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
