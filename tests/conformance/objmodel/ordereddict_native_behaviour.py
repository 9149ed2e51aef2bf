# collections.OrderedDict is _collections' C type: its methods and their errors as odictobject.c
# has them (update's forms, __init__'s argument count, move_to_end, popitem on an empty one,
# pop, setdefault, fromkeys, |, |=), the iterator's RuntimeErrors when the dict changes under it,
# order-sensitive equality only between two OrderedDicts, 3.11's repr, the views' set operations
# and reversal, the iterator's __reduce__, pickling with the instance dict, copy, weakrefs, and a
# Python subclass (its own __setitem__ used by update, fromkeys, copy, setdefault, pop).
import copy
import json
import pickle
import weakref
from collections import OrderedDict as O

od = O([('b', 2), ('a', 1)], c=3)
print(od, repr(O()), str(O(x=O(y=1))))
r = O(a=1)
r['self'] = r
print(r)
print(od.setdefault('a', 9), od.setdefault('d'), od.pop('d'), od.pop('zz', 'dflt'), od)
od.move_to_end('b')
od.move_to_end('c', last=False)
od.move_to_end('c', False)
print(list(od), od.popitem(), od.popitem(last=False), od)
print(O.fromkeys('abc'), O.fromkeys('ab', 5), O.fromkeys(iterable='xy', value=0), O.fromkeys(O.fromkeys('zq')))
od = O(a=1)
od.update({'b': 2})
od.update([('c', 3)], d=4)
od.update(O(e=5))
od.update(e=6)


class KeysOnly:
    def keys(self):
        return ['k']

    def __getitem__(self, k):
        return k * 2


class ItemsOnly:
    def items(self):
        return [('i', 1)]


od.update(KeysOnly())
od.update(ItemsOnly())
print(od, od | {'z': 0}, {'y': 1} | O(a=1), type({'y': 1} | O(a=1)).__name__)
od |= [('w', 1)]
print(od)
print(O(a=1) == O(a=1), O(a=1, b=2) == O(b=2, a=1), O(a=1, b=2) != O(b=2, a=1), O(a=1, b=2) == {'b': 2, 'a': 1})
print({'b': 2, 'a': 1} == O(a=1, b=2), O(a=1) == [('a', 1)], O(a=1).__eq__(1), O.__ne__(O(a=1), O(a=2)), O.__lt__(O(), O()))
for f in (lambda: O().popitem(), lambda: O().popitem(last=False), lambda: O(a=1).move_to_end('x'), lambda: O().move_to_end('x'),
          lambda: O().pop('x'), lambda: O(a=1) < O(), lambda: O(a=1) <= {}, lambda: O(1, 2), lambda: O([1]), lambda: O([(1, 2, 3)]),
          lambda: O([(1,)]), lambda: O([()]), lambda: O().update({}, {}), lambda: hash(O()), lambda: O.__eq__({}, O()),
          lambda: O().__setitem__(1), lambda: O().__delitem__('x'), lambda: O().keys(1), lambda: O.fromkeys(),
          lambda: O().__reduce__(1), lambda: next(iter(O())), lambda: O()['x'], lambda: O({[]: 1}), lambda: O().popitem(1, 2),
          lambda: O.__init__(O(), 1, 2), lambda: O().__eq__(), lambda: O().__iter__(1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for mutate in (lambda o: o.__setitem__('d', 1), lambda o: o.move_to_end('a'), lambda o: o.__delitem__('a'),
               lambda o: o.pop('c'), lambda o: o.popitem(), lambda o: o.__setitem__('a', 0), lambda o: o.clear()):
    o = O.fromkeys('abc')
    it = iter(o.items())
    print(next(it))
    mutate(o)
    for _ in range(2):
        try:
            print(next(it))
        except (RuntimeError, StopIteration, KeyError) as e:
            print(type(e).__name__, e)
o = O(a=1)
it = iter(o)
o['b'] = 2
del o['b']
try:
    next(it)
except RuntimeError as e:
    print(e)
o = O.fromkeys('abc', 0)
print(o.keys() & {'a', 'z'}, sorted(o.keys() | ['q']), sorted(o.keys() - {'a'}), sorted(o.keys() ^ {'a', 'z'}))
print(o.items() & {('a', 0)}, o.keys() == {'a', 'b', 'c'}, o.keys() < {'a', 'b', 'c', 'd'}, o.keys().isdisjoint('xyz'))
print('a' in o.keys(), ('a', 0) in o.items(), 0 in o.values(), len(o.values()), len(o.items()), bool(O().keys()))
print(o.keys(), o.values(), o.items(), list(reversed(o.keys())), list(reversed(o.values())), list(reversed(o.items())))
print(o.keys().mapping, o.items().mapping['b'], type(o.values().mapping).__name__)
print(type({}.keys()).__reversed__(o.keys()).__class__.__name__, list(type({}.keys()).__iter__(o.keys())))
o.move_to_end('a')
print(list(o.keys()), list(o.values()), list(o.items()), list(o), list(reversed(o)))
it = reversed(o)
print(next(it), it.__reduce__(), list(it), it.__reduce__())
it = iter(o.items())
print(it.__reduce__(), next(it), it.__reduce__()[1], list(it))
print(iter(O(a=1).values()).__reduce__())


class S(O):
    pass


s = S(a=1, b=[2])
s.z = 3
for proto in range(6):
    p = pickle.loads(pickle.dumps(s, proto))
    print(proto, p, type(p).__name__, p.__dict__, p == s)
print(pickle.loads(pickle.dumps(O(x=1))), O(x=1).__reduce__()[:4], s.__reduce__()[:4])
print(copy.copy(s), copy.deepcopy(O(a=[1])), copy.copy(s).__dict__, s.copy().__dict__, type(s.copy()).__name__)
w = weakref.ref(s)
print(w() is s)
del s
print(w())


class T(O):
    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v * 2)

    def __delitem__(self, k):
        print('del', k)
        super().__delitem__(k)

    def items(self):
        return [('fake', 1)]


t = T(a=1)
t.update(b=2)
t |= {'c': 3}
print(t, dict(t), t.copy(), T.fromkeys('x', 5))
print(t | {'d': 4}, {'e': 5} | t)
print(t.setdefault('z', 1), t.pop('z'), t.popitem(), t.popitem(last=False), t)
o = O(a=1)
o.attr = 5
print(o.__dict__, vars(o), o.attr)
del o.attr
print(o.__dict__)
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=O), json.dumps(O(b=1, a=2)))
print(O(a=1).get('a'), O(a=1)['a'], len(O(a=1)), list(O(b=1, a=2)), dict(O(b=1, a=2)), sorted(O(b=1, a=2)))
d = O()
dict.__setitem__(d, 'x', 1)
print(dict(d), len(d))
