# a | b, a & b, a - b, a ^ b, copy(), <= and isdisjoint of sets called each key's __hash__ again and built
# their results by adding key by key, where CPython's set_or, set_intersection, set_difference,
# set_symmetric_difference and set_copy read the stored hashes, merge with one resize up front,
# iterate the smaller set for &, copy a for a - b when b is small: getsizeof of results differed
import sys, gc
class K:
    n = 0
    def __init__(self, v): self.v = v
    def __hash__(self):
        K.n += 1
        return self.v & 3
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __repr__(self): return 'K%d' % self.v
a = {K(i) for i in range(6)}
b = {K(i) for i in range(3, 9)}
for name, f in [('copy', lambda: a.copy()), ('a | b', lambda: a | b), ('a & b', lambda: a & b), ('a - b', lambda: a - b), ('a ^ b', lambda: a ^ b),
                ('a <= b', lambda: a <= b), ('a.issubset(b)', lambda: a.issubset(b)), ('a.union(b)', lambda: a.union(b)), ('a.isdisjoint(b)', lambda: a.isdisjoint(b)),
                ('frozenset(a) | b', lambda: frozenset(a) | b), ('a - a', lambda: a - a), ('a ^ a', lambda: a ^ a), ('a & a', lambda: a & a)]:
    K.n = 0
    r = f()
    print(name, K.n, sorted(r, key=lambda k: k.v) if not isinstance(r, bool) else r, type(r).__name__)
for n in (0, 1, 4, 5, 8, 9, 18, 19, 40, 100):
    s = set(range(n)); t = set(range(n // 2, 2 * n)); e = set()
    big = set(range(8 * n)); small = set(range(n // 2))
    print(n, [sys.getsizeof(x) for x in (s | e, e | s, s | t, s & t, t & s, s - t, s - e, big - small, s ^ e, e ^ s, s ^ t, s ^ s, s - s, s.copy(), frozenset(s) | t)])
