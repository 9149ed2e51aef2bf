# Every dict method works on a subclass instance; copy() and | give a dict, fromkeys a D; repr is
# dict's; ==, len, in, iteration use dict's slots; a dict subclass is unhashable by its own name.
class D(dict):
    pass


d = D({'a': 1}, b=2)
print(repr(d), str(d), len(d), 'a' in d, list(d), d == {'a': 1, 'b': 2}, d != {'a': 1})
print(d.keys(), d.values(), d.items(), d.get('a'), d.get('z', 0))
print(d.pop('a'), d.setdefault('c', 3), d.popitem(), d)
c = d.copy()
print(type(c).__name__, c, type(d | {'x': 1}).__name__, type({'x': 1} | d).__name__)
d |= {'y': 2}
print(type(d).__name__, d)
f = D.fromkeys('ab', 0)
print(type(f).__name__, f)
d.update([('p', 1)], q=2)
print(d, dict(d), {**d}, sorted(d.items()))
print(list(reversed(d)))
d.clear()
print(d, bool(d), D() == {}, D(a=1) == D(a=1))
try:
    hash(D())
except TypeError as e:
    print('TypeError', e)
try:
    D()['missing']
except KeyError as e:
    print('KeyError', e)


def kw(**k):
    return k


print(kw(**D(u=1)))
a, b = D(m=1, n=2)
print(a, b)
print(dict.__repr__(D(r=1)), dict.__len__(D(r=1)), dict.__getitem__(D(r=1), 'r'), dict.__contains__(D(r=1), 'r'))
