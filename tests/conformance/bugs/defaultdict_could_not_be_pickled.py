# defaultdict.__reduce__ (defdict_reduce): (type, () or (default_factory,), None, None, iter(items)),
# so pickle (native and pure-Python), copy and deepcopy rebuild it with its factory and items.
import collections, copy, io, pickle, sys

d = collections.defaultdict(list, {1: [2], 'a': [3]})
r = d.__reduce__()
print(r[0] is collections.defaultdict, r[1], r[2], r[3], type(r[4]).__name__, list(r[4]))
print(collections.defaultdict().__reduce__()[1], collections.defaultdict(None).__reduce__()[1])
try:
    d.__reduce__(1)
except TypeError as e:
    print('TypeError', e)

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    b = pickle.dumps(d, proto)
    p = io.BytesIO()
    pickle._Pickler(p, proto).dump(d)
    print(proto, b == p.getvalue(), b)
    e = pickle.loads(b)
    print(type(e).__name__, e.default_factory is list, e == d, e is not d)
    e2 = pickle._loads(b)
    print(e2 == d, e2.default_factory is list)

# a subclass with attributes, a recursive one, and copies
class DD(collections.defaultdict):
    pass

s = DD(int)
s['x'] += 1
s.me = s
s['self'] = s
for proto in (0, 2, 5):
    t = pickle.loads(pickle.dumps(s, proto))
    print(type(t).__name__, t['x'], t['self'] is t, t.default_factory is int)
c = copy.copy(d)
print(c == d, c['new'], 'new' in d, c.default_factory is list)
dc = copy.deepcopy(d)
print(dc == d, dc[1] is not d[1])

# the items iterator is live: refcounts of the factory and the dict's values
f = list
before = sys.getrefcount(f)
r = d.__reduce__()
print(sys.getrefcount(f) - before)
del r
print(sys.getrefcount(f) - before)
