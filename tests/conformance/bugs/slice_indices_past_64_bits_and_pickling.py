# slice.indices takes lengths and bounds of any size (OverflowError past 2**63) and objects with
# __index__; slices pickle and copy (slice.__reduce__ was missing: "cannot pickle 'slice' object").
import copy
import pickle
import sys


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


big = 2 ** 100
for s in (slice(None), slice(None, None, -1), slice(-big, big), slice(big, -big, -3), slice(3, None, 2), slice(Idx(1), Idx(-1), Idx(2))):
    print(s.indices(big), s.indices(sys.maxsize), s.indices(10), s.indices(Idx(7)), s.indices(0))
for s, n in ((slice(None, None, 0), 5), (slice('a'), 5), (slice(None, None, 'x'), 5), (slice(1), -1), (slice(1), 'x')):
    try:
        s.indices(n)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s = slice(1, 'x', [3])
print(s.__reduce__(), copy.copy(s), copy.deepcopy(s), copy.deepcopy(s).step is not s.step)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(slice(1, big, None), proto)))
