# _collections.defaultdict: a dict subclass in C (PyDictObject then default_factory: basicsize 56,
# no __dict__ or __weakref__), tracked from creation; __missing__ calls the factory and stores the
# value; repr names the factory; copy() keeps the type and factory; gc.get_referents gives the
# factory first, then dict's traversal.
import gc
import sys
from _collections import defaultdict

d = defaultdict(list)
print(sys.getsizeof(d), gc.is_tracked(d), gc.is_tracked(defaultdict()), type(d).__name__, defaultdict.__mro__)
d['a'].append(1)
d['a'].append(2)
d['b']
print(d, repr(defaultdict()), len(d), dict(d), d == {'a': [1, 2], 'b': []}, isinstance(d, dict))
print(gc.get_referents(d)[0] is list, len(gc.get_referents(d)))
print(d.default_factory, d.get('zz'), 'zz' in d, d.__missing__('m'), d['m'])
c = d.copy()
print(type(c).__name__, c, c is d, c.default_factory)
n = defaultdict(None, x=1)
try:
    n['y']
except KeyError as e:
    print('KeyError', e)
print(n, defaultdict(int, [('k', 5)]))
counts = defaultdict(int)
for w in 'the cat the hat the'.split():
    counts[w] += 1
print(sorted(counts.items()), counts['dog'], counts)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
try:
    hash(d)
except TypeError as e:
    print('TypeError', e)
u = d | {'z': 0}
print(type(u).__name__, u)
d.default_factory = set
print(d['s'], d.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 1
print(dict(nested['x']), len(nested))
base = sys.getrefcount(list)
dd = defaultdict(list)
print(sys.getrefcount(list) - base)
del dd
print(sys.getrefcount(list) - base)
r = defaultdict(list)
r['me'] = r
del r
print(gc.collect())


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t['a']['b']['c']
print(sys.getsizeof(Tree()), type(t['a']).__name__, repr(Tree()), len(t['a']['b']))


class Counted(defaultdict):
    pass


k = Counted(int)
k['q'] += 2
k.note = 'attr'
print(k, k.note, type(k.copy()).__name__, gc.is_tracked(k))
