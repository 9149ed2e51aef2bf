# mappingproxy.__reversed__ calls its mapping's __reversed__ method (AttributeError when it has none).
import collections
import types

d = {'a': 1, 'b': 2, 'foo': 0, 'c': 3, 'd': 4}
mp = types.MappingProxyType(d)
del d['foo']
r = reversed(mp)
print(type(r).__name__, list(r))
print(list(reversed(types.MappingProxyType(collections.OrderedDict(x=1, y=2)))))


class M:
    def __getitem__(self, k):
        return k


try:
    types.MappingProxyType(M()).__reversed__()
except AttributeError as e:
    print('AttributeError', e)


# == goes to the mapping also when the other operand is an instance of a class
class userdict(dict):
    pass


m = userdict(x=1, y=2)
print(types.MappingProxyType(m) == m, m == types.MappingProxyType(m), types.MappingProxyType(m) != m)
cm = collections.ChainMap({'x': 1}, {'y': 2})
print(types.MappingProxyType(cm) == cm, types.MappingProxyType(cm) == {'x': 1, 'y': 2})
print(types.MappingProxyType({'x': 1}) == userdict(x=2))
