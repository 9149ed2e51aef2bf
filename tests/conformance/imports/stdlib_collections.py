# collections on refheap: namedtuple, deque, defaultdict, OrderedDict, Counter, ChainMap,
# UserDict/UserList/UserString, collections.abc and its GenericAlias subclass (Callable[...]).
import collections
import collections.abc as cabc
import gc
import sys

Point = collections.namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x + p.y, p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]))
print(sys.getsizeof(p), gc.is_tracked(p), isinstance(p, tuple), p == (1, 2))

d = collections.deque([1, 2, 3], maxlen=4)
d.appendleft(0)
d.append(4)
print(d, d.maxlen, len(d))

dd = collections.defaultdict(list)
dd['a'].append(1)
print(dd, dict(dd), dd.default_factory)

od = collections.OrderedDict.fromkeys('abc')
od.move_to_end('a')
print(list(od), od.popitem(last=False))

c = collections.Counter('abracadabra')
print(c.most_common(3), c['z'], sorted(c.elements())[:4], c + collections.Counter('aa'))

cm = collections.ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm))

ud = collections.UserDict(a=1)
ul = collections.UserList([3, 1, 2])
ul.sort()
us = collections.UserString('hello')
print(ud, ul, us.upper(), us + '!', type(us.upper()).__name__)

print(issubclass(cabc.Sequence, cabc.Iterable), isinstance(ud, cabc.MutableMapping))
cal = cabc.Callable[[int, str], float]
print(cal, type(cal).__name__, type(cal).__mro__[1].__name__, cal.__args__, cal.__origin__)
print(cabc.Callable[..., int], cabc.Callable[[], None], cal == cabc.Callable[[int, str], float])
print(cal.__reduce__()[1], sys.getsizeof(cal), gc.is_tracked(cal))
print(cabc.Mapping[str, int], cabc.Iterable[int].__parameters__)
