# dict.fromkeys: keys in iteration order, one shared value, sizes as keys are inserted one by one
import sys
print(dict.fromkeys("abc"), dict.fromkeys([1, 2, 1], 0), {}.fromkeys((3, 4), "v"), dict.fromkeys([]))
shared = []
d = dict.fromkeys(range(3), shared)
d[0].append(1)
print(d, d[1] is d[2])
print(sys.getrefcount(shared) - 1)
print([sys.getsizeof(dict.fromkeys(range(n))) for n in (0, 1, 5, 6, 11, 22, 100)])
for bad in [lambda: dict.fromkeys(), lambda: dict.fromkeys(1), lambda: dict.fromkeys([[1]]), lambda: dict.fromkeys("a", 1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
