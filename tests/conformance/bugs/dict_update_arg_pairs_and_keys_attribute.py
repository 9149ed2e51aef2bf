# dict(), dict.update() and |= as dict_update_arg: a dict or anything with a keys attribute (an instance's own
# too) is a mapping, anything else pairs taken as they come (an error leaves the earlier pairs in place);
# d |= pairs or a view works (refheap refused |= of a list and made d |= d.items() a set).
d = {0: 0}
d |= [(1, 1), (2, 2)]
print(d)
d |= {3: 3}.items()
print(d)
print(d.__ior__([(4, 4)]), d.__or__([(5, 5)]))
try:
    d | [(6, 6)]
except TypeError as e:
    print('TypeError', e)
class badseq(object):
    def __iter__(self): return self
    def __next__(self): raise ValueError('boom')
try:
    {}.update(badseq())
except ValueError as e:
    print('ValueError', e)
d = {}
try:
    d.update([(1, 2), (3,), (4, 5)])
except ValueError as e:
    print('ValueError', e, d)
try:
    d.update([(1, 2), 5])
except TypeError as e:
    print('TypeError', e, d)
try:
    dict([(1, 2), 'abc'])
except ValueError as e:
    print('ValueError', e)
print(dict(['ab', (3, 4), [5, 6]]), dict(zip('ab', 'cd')))
class K:
    def keys(self): return ['a']
    def __getitem__(self, k): return 42
print(dict(K()), {}.update(K()))
d = {}; d.update(K()); print(d)
class Obj: pass
o = Obj(); o.keys = lambda: ['z']
try: dict(o)
except TypeError as e: print('TypeError', e)
