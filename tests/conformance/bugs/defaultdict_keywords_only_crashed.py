# defaultdict(a=1) (keyword arguments and no positional one: no factory) was an internal error
# (the arguments passed on to dict.__init__ were copied into an array one too short).
from collections import defaultdict


class E(defaultdict):
    pass


print(defaultdict(a=1), defaultdict(None, a=1), defaultdict(int, [(1, 2)], b=3), defaultdict(list, {'x': 1}))
d = defaultdict(a=1, b=[2])
print(d.default_factory, dict(d), len(d))
print(E(a=1), E(int, a=2) == {'a': 2}, E(b=3).default_factory)
try:
    defaultdict(1, a=1)
except TypeError as e:
    print(e)
