# The builtin iterators' __length_hint__ (list, tuple, str, bytes, bytearray, set, dict keys,
# reversed, range...) raised NotImplementedError, so operator.length_hint and everything that
# sizes a result from an iterator's hint failed; a hint too big for an index is OverflowError.
import operator, collections, itertools
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i < self.n:
            return i
        raise IndexError
d = {1: 2, 3: 4, 5: 6}
its = [iter([1, 2, 3]), reversed([1, 2]), iter((1, 2)), iter(range(5)), iter(range(0, 10, 3)), iter(range(10**20)),
       iter(d), reversed(d), reversed(d.values()), reversed(d.items()), iter({1, 2}), iter(frozenset([1])), iter("abc"),
       iter("h\xe9llo"), iter(b"ab"), iter(bytearray(b"abc")), reversed("abc"), reversed((1, 2, 3)), reversed(Seq(4)),
       iter(collections.deque([1, 2])), itertools.repeat(1, 5), map(int, "12"), zip("a", "b"), enumerate("ab"), iter(d.keys())]
for it in its:
    try:
        print(type(it).__name__, operator.length_hint(it), "__length_hint__" in dir(type(it)))
    except Exception as e:
        print(type(it).__name__, type(e).__name__, e)
def steps(it):
    out = [it.__length_hint__()]
    for _ in it:
        out.append(it.__length_hint__())
    return out
print(steps(iter([1, 2, 3])), steps(reversed([1, 2, 3])), steps(iter("ab")), steps(iter(range(3))), steps(iter({7, 8})))
print(steps(iter({1: 1, 2: 2})), steps(reversed({1: 1, 2: 2})), steps(reversed("xyz")), steps(iter(b"\x01\x02")))
print(iter(range(10**20)).__length_hint__(), iter(range(-5)).__length_hint__(), iter(range(5, 0, -2)).__length_hint__())
l = [1, 2, 3]
it = iter(l); next(it); l.append(4); print(it.__length_hint__()); l.clear(); print(it.__length_hint__())
it = reversed(l + [1, 2]); next(it); print(it.__length_hint__())
s = {1, 2, 3}
it = iter(s); next(it); s.add(4); print(it.__length_hint__())
dd = {1: 1, 2: 2}
it = iter(dd); next(it); dd[3] = 3; print(it.__length_hint__())
dd = {1: 1, 2: 2}
it = reversed(dd); dd[3] = 3; print(it.__length_hint__())
seq = Seq(3)
it = reversed(seq); next(it); seq.n = 1; print(it.__length_hint__())
print(operator.length_hint(iter([]), 9), operator.length_hint(iter([1]), 9), operator.length_hint(object(), 7))
class Hint:
    def __init__(self, v):
        self.v = v
    def __length_hint__(self):
        return self.v
for v in [3, -1, 10**30, -10**30, "x", NotImplemented]:
    try:
        print(operator.length_hint(Hint(v), 5))
    except Exception as e:
        print(type(e).__name__, e)
try:
    iter([]).__length_hint__(1)
except TypeError as e:
    print(e)
