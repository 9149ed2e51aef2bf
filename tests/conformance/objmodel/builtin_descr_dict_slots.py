# dict's slot wrappers and methods through the type (dict.__setitem__ as a subclass's base call would use it)
d = {}
dict.__setitem__(d, 'a', 1)
dict.__setitem__(d, 'b', 2)
print(d, dict.__getitem__(d, 'a'), dict.__len__(d), dict.__contains__(d, 'b'))
dict.__delitem__(d, 'a')
print(d, dict.get(d, 'zz', 0), list(dict.__iter__(d)))
print(dict.__or__({1: 1}, {2: 2}), dict.__or__({}, []), dict.__eq__({1: 2}, {1: 2}), dict.__lt__({}, {}))
e = {'x': 0}
print(dict.__init__(e, y=1), e)
print(dict.__ior__(e, {'z': 2}), e)
print(dict.__repr__({'k': [1]}), dict.__hash__)
try:
    dict.__getitem__(d, 'missing')
except KeyError as k:
    print('KeyError', k)
