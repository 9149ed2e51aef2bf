# d[k] and d[k] = v on an exact dict (the interpreter's own path for them) against a dict
# subclass (the general path, __missing__), in a function run often enough to be compiled to a
# JVM class: the same __hash__/__eq__ calls, errors, KeyError args and refcounts either way.
import sys
class K:
    def __init__(self, v): self.v = v
    def __hash__(self):
        print('hash', self.v); return hash(self.v)
    def __eq__(self, o):
        print('eq', self.v); return isinstance(o, K) and o.v == self.v
class D(dict):
    def __missing__(self, k): return 'missing %r' % (k,)
def f(log):
    d = {'a': 1, (1, 2): 3, K(1): 'k1'}
    v = object()
    d['v'] = v
    out = [d['a'], d[(1, 2)], d[K(1)] if log else None, sys.getrefcount(d['v']) - sys.getrefcount(v)]
    for bad in ('zz', (3, 4), [1]) + ((K(2),) if log else ()):
        try:
            d[bad]
        except (KeyError, TypeError) as e:
            out.append((type(e).__name__, e.args if not isinstance(bad, K) else 'K'))
    d['b'] = 2
    if log: d[K(3)] = 4
    try:
        d[[]] = 1
    except TypeError as e:
        out.append(str(e))
    dd = D(x=1)
    out.append((dd['x'], dd['y']))
    dd['z'] = 5
    out.append(sorted(dd.items()))
    out.append(sys.getrefcount(v))
    return out
for i in range(120):
    r = f(i == 0 or i == 119)
print(r)
