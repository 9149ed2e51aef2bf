# collections.OrderedDict's behaviour that does not depend on its implementation (the C type of
# _collections, refheap's since session 25, or collections/__init__.py's pure-Python class, which
# refheap used before): order, move_to_end, popitem, pop, setdefault, update's forms,
# fromkeys, equality, repr (recursive too), views and their reversal, copy/pickle round trips, a
# subclass, the KeyErrors. Left out because the two differ: update's and '<''s TypeError
# messages, the views' reprs, mutation during iteration (the C iterator raises RuntimeError).
import collections
import copy
import pickle
from collections import OrderedDict

od = OrderedDict([('b', 2), ('a', 1)], c=3)
print(od, list(od), list(reversed(od)))
print(list(od.keys()), list(od.values()), list(od.items()))
print(list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
od.move_to_end('b')
print(list(od))
od.move_to_end('b', last=False)
print(list(od))
od.move_to_end('c', False)
print(list(od))
try:
    od.move_to_end('zz')
except KeyError as e:
    print('KeyError', e.args)
print(od.popitem(), od.popitem(last=False), od)
e = OrderedDict()
for f in (e.popitem, lambda: e.popitem(last=False)):
    try:
        f()
    except KeyError as ex:
        print(type(ex).__name__, ex.args)
od = OrderedDict.fromkeys('abcde')
print(od)
print(OrderedDict.fromkeys('xy', 0), type(OrderedDict.fromkeys('x')).__name__)
print(od.pop('c'), od.pop('zz', 'dflt'), list(od))
try:
    od.pop('zz')
except KeyError as ex:
    print('KeyError', ex.args)
print(od.setdefault('a', 5), od.setdefault('f', 6), od.setdefault('g'), list(od.items()))
del od['a']
od['a'] = 1
print(list(od))
od['b'] = 'again'   # replacing a value keeps the position
print(list(od.items()))
try:
    del od['nope']
except KeyError as ex:
    print('KeyError', ex.args)

u = OrderedDict()
u.update([('x', 1)])
u.update({'y': 2})
u.update(z=3)
class K:
    def keys(self): return ['k1', 'k2']
    def __getitem__(self, k): return k.upper()
u.update(K())
u.update([('w', 0)], v=9)
print(u)
try:
    u.update(1, 2)
except TypeError as ex:
    print('TypeError')
try:
    u.update([1])
except TypeError as ex:
    print('TypeError')

a = OrderedDict([(1, 1), (2, 2)])
b = OrderedDict([(2, 2), (1, 1)])
print(a == b, a != b, a == dict(b), dict(b) == a, a == {1: 1, 2: 2})
print(a == OrderedDict([(1, 1), (2, 2)]))
try:
    a < b
except TypeError as ex:
    print('TypeError')
print(a | {3: 3}, {0: 0} | a, type({0: 0} | a).__name__)
a |= [(9, 9)]
print(a)
print(a.get(9), 9 in a, len(a), bool(OrderedDict()))

r = OrderedDict()
r['self'] = r
print(r)
print(repr(OrderedDict()))
print(list(OrderedDict(a=[1, 2]).keys()), list(OrderedDict(a=1).values()), list(OrderedDict(a=1).items()))

c = OrderedDict([('p', [1]), ('q', [2])])
c.attr = 'x'
c2 = c.copy()
print(type(c2).__name__, c2, c2 == c, c2['p'] is c['p'], getattr(c2, 'attr', None))
c3 = copy.copy(c)
print(c3, c3.attr, c3['p'] is c['p'])
c4 = copy.deepcopy(c)
print(c4, c4.attr, c4['p'] is c['p'], c4['p'] == c['p'])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(c, proto))
    print(proto, p, p.attr, list(p))
print(c.__reduce__()[0] is OrderedDict, c.__reduce__()[1], c.__reduce__()[2])

class Sub(OrderedDict):
    def __init__(self, *args, **kw):
        self.inits = getattr(self, 'inits', 0) + 1
        super().__init__(*args, **kw)
s = Sub([('a', 1)], b=2)
s.move_to_end('a')
print(type(s).__name__, s, s.inits, isinstance(s, dict), repr(s))
print(type(Sub.fromkeys('ab')).__name__, Sub.fromkeys('ab', 1))
print(type(s.copy()).__name__, s.copy())
sp = pickle.loads(pickle.dumps(s))
print(type(sp).__name__, sp, sp.inits)

it = OrderedDict.fromkeys('abc')
it.move_to_end('a')
print(list(it))
it.clear()
print(it, len(it))
print(OrderedDict.__hash__, collections.OrderedDict is OrderedDict)
