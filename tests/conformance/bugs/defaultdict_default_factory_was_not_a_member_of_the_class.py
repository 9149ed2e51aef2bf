# collections.defaultdict.default_factory was answered by the instance only: the class had no member
# descriptor (CPython's T_OBJECT member: readable through the class, settable, deletable to None).
import collections, inspect
D = collections.defaultdict
print(type(D.__dict__['default_factory']).__name__, D.default_factory, D.default_factory.__doc__)
print('default_factory' in D.__dict__)
print(inspect.isdatadescriptor(D.default_factory))
d = D(list)
print(d.default_factory, D.default_factory.__get__(d))
d.default_factory = int
print(d['x'], d)
D.default_factory.__set__(d, None)
print(d.default_factory)
del d.default_factory
print(d.default_factory)
try:
    d['y']
except KeyError as e:
    print('KeyError', e)
class S(D):
    pass
s = S(str)
print(s.default_factory, S.default_factory is D.default_factory)
s.default_factory = list
print(s['q'])
try:
    D.default_factory.__get__(1)
except TypeError as e:
    print(e)
