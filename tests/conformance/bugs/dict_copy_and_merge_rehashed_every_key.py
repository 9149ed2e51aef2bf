# dict.copy, dict(d), {**d}, d | e, d |= e, update(d), dict.fromkeys(d), pop, popitem and setdefault
# called each key's __hash__ again (once per key, or twice) where CPython reads the hashes its table
# stores and hashes a looked-up key once; and they sized their tables by growing one insertion at a
# time where CPython clones the table or resizes once up front (getsizeof differed); a copy of a
# tracked dict whose items need no tracking stays tracked, as the clone does
import gc, sys

class K:
    n = 0
    def __init__(self, v): self.v = v
    def __hash__(self):
        K.n += 1
        return self.v & 3
    def __eq__(self, o):
        return isinstance(o, K) and o.v == self.v
    def __repr__(self): return 'K(%d)' % self.v

d = {K(i): i for i in range(8)}
steps = [('copy', lambda: d.copy()), ('dict(d)', lambda: dict(d)), ('popitem', lambda: d.copy().popitem()),
         ('pop', lambda: d.pop(K(7))), ('pop missing', lambda: d.pop(K(70), None)), ('pop of empty', lambda: {}.pop(K(1), 0)),
         ('setdefault new', lambda: d.setdefault(K(9), 1)), ('setdefault old', lambda: d.setdefault(K(9), 2)),
         ('update', lambda: {}.update({K(20): 1, K(21): 2})), ('update into full', lambda: d.copy().update({K(30): 1})),
         ('fromkeys', lambda: dict.fromkeys(d)), ('{**d}', lambda: {**d}), ('d | d', lambda: d | d), ('contains', lambda: K(3) in d)]
for name, f in steps:
    K.n = 0
    r = f()
    print(name, K.n, r if isinstance(r, (int, tuple, type(None), bool)) else len(r))

class Sub(dict):
    pass
s = Sub(d)
K.n = 0
print('subclass', type(s.copy()).__name__, len(dict(s)), K.n)

def sizes(x):
    y = {}
    y |= x
    return [sys.getsizeof(c) for c in (x.copy(), dict(x), {**x}, x | {}, {} | x, y, dict.fromkeys(x))]

for n in (0, 1, 2, 5, 6, 10, 11, 21, 22, 43, 44, 100):
    a = {i: i for i in range(n)}
    b = {str(i): i for i in range(n)}
    c = dict.fromkeys(range(3 * n))
    for i in range(2 * n):
        del c[i]
    e = dict.fromkeys(range(n + n // 2))
    for i in range(n // 2):
        del e[i]
    print(n, sys.getsizeof(a), sizes(a), sizes(b), sizes(c), sizes(e))

t = {1: []}
t[1] = 2
print(gc.is_tracked(t), gc.is_tracked(t.copy()), gc.is_tracked(dict(t)), gc.is_tracked({**t}))
v = 'refcounted-value'
base = sys.getrefcount(v)
copies = [dict.fromkeys('abc', v).copy() for _ in range(3)]
print(sys.getrefcount(v) - base)
