# set(s), set(d), frozenset(...) and set.update of a set or an exact dict called each key's __hash__
# again and grew the table one insertion at a time, where CPython's set_merge / set_update_internal
# read the stored hashes and resize once up front (getsizeof differed: set(s) of 5 items 728 where
# CPython's is 472); set(d) built a list in between (a GC allocation CPython does not make), which
# hid that dict.fromkeys took its dict from the free list where CPython's dict_new allocates
import sys, gc
class K:
    n = 0
    def __init__(self, v): self.v = v
    def __hash__(self):
        K.n += 1
        return self.v & 3
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
d = {K(i): i for i in range(6)}
s = set(d)
for name, f in [('set(d)', lambda: set(d)), ('frozenset(d)', lambda: frozenset(d)), ('set(s)', lambda: set(s)),
                ('frozenset(s)', lambda: frozenset(s)), ('set().update(d)', lambda: set().update(d)),
                ('set().update(s)', lambda: set().update(s)), ('{K(9)}.update(s)', lambda: {K(9)}.update(s))]:
    K.n = 0
    f()
    print(name, K.n)
for n in (0, 1, 4, 5, 8, 9, 18, 19, 40, 100):
    d = dict.fromkeys(range(n))
    s = set(range(n))
    t = set(range(2 * n))
    for i in range(n):
        t.discard(i)
    u = {-1}
    u.update(s)
    print(n, [sys.getsizeof(x) for x in (set(d), frozenset(d), set(s), set(t), frozenset(s), frozenset(t), u)])
    print('  ', sorted(set(t)) == sorted(t), sorted(u)[:3])
for f in (lambda: dict.fromkeys(range(3)), lambda: set(dict.fromkeys(range(3))), lambda: set({1, 2}), lambda: frozenset({1: 2})):
    b = gc.get_count()[0]
    x = f()
    print(gc.get_count()[0] - b)
