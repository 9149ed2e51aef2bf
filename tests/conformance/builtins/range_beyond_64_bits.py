# range over ints that do not fit a C long: 3.11 iterates it with a longrange_iterator (start,
# step, len as int objects: 40 bytes, not tracked); membership, indexing, equality, hashing and
# repr work on it; len() raises OverflowError when the length does not fit.
import sys, gc
big = 1 << 1000
r = range(big)
it = iter(r)
print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it), type(iter(range(5))).__name__)
print(next(it), next(it), next(it))
r2 = range(2 ** 70, 2 ** 70 + 10, 3)
print(list(r2), len(r2), r2[1], r2[-1], 2 ** 70 + 3 in r2, 2 ** 70 + 4 in r2, 5 in r2)
print(repr(range(2 ** 64, 2 ** 65, 2 ** 62)), bool(range(big, big)), bool(r))
print(r2 == range(2 ** 70, 2 ** 70 + 10, 3), r2 == range(2 ** 70, 2 ** 70 + 12, 3), hash(r2) == hash(range(2 ** 70, 2 ** 70 + 10, 3)))
print(r.start == 0, r.stop == big, r.step, gc.get_referents(it) == [], sys.getrefcount(r2.start))
print(list(range(-2 ** 64, -2 ** 64 - 5, -2)), 2 ** 100 in range(10), -(2 ** 100) in range(-5, 5))
print(list(iter(range(2 ** 63 - 2, 2 ** 63 + 1))))
try:
    len(r)
except OverflowError as e:
    print('OverflowError', e)
try:
    r[big]
except IndexError as e:
    print('IndexError', e)
it2 = iter(range(big, big + 2))
print(list(it2), list(it2), type(it2).__name__)
print(type(iter(range(1 << 1000))).__iter__(it) is it)
