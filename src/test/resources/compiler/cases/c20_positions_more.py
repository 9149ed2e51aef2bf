# More source spans: conditions, loops, handlers, comprehensions, closures, f-strings, unpacking.
import sys as system, gc
from weakref import ref as r, finalize
data = {'a': [1, 2, 3], 'b': {'c': 'd'}}
first, *rest = data['a']
(p, q), s = (1, 2), 3
data['a'][1:2] = [7, 8]
data['b']['c'] += 'e'
if p < q < s or not data and (p is not None):
    p, q = q, p
elif (n := len(data)) > 1:
    pass
while p > 0 and q:
    p -= 1
    if p == 5:
        continue
    if not q:
        break
for k, v in sorted(data.items(), key=lambda kv: kv[0], reverse=True):
    print(f"{k}={v!r:>{p + 2}}", end=' ' if k else '\n')
try:
    gc.collect(generation=2)
except (ValueError, TypeError) as exc:
    print(exc.args[0])
except Exception:
    raise
else:
    gc.disable() if not gc.isenabled() else gc.enable()
finally:
    del first, rest


def outer(a, /, b=2, *args, c, d=4, **kw) -> int:
    total = 0

    def inner(x):
        nonlocal total
        total += x * a
        return total
    return sum(inner(i) for i in range(b)) + len(args) + c + d + len(kw)


class Meta(type):
    def __call__(cls, *a, **k):
        return super().__call__(*a, **k)


class Thing(metaclass=Meta):
    count: int = 0

    def __init__(self, *parts):
        self.parts = [x for x in parts if x] or [None]
        Thing.count += 1

    @property
    def size(self):
        return len(self.parts)

    def __getitem__(self, i):
        return self.parts[i]


t = Thing(1, 0, 2)
print(t.size, t[0], outer(1, c=3), {x: y for x, y in zip('ab', 'cd') if x != y})
assert t.size == 2, (t.size,
                     t.parts)
with open(__file__) as f1, \
        open(__file__) as f2:
    lines = [len(l) for l in f1] + [len(l.strip()) for l in f2
                                    if l]
g = (x ** 2 for x in range(3))
print(next(g), *g, sep=', ')
print(system.getrefcount(t) - 1 > 0, r(t)() is t, -p, ~q, +s)
