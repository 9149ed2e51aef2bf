# hash(x) calls the class's __hash__ whatever callable it is (slot_tp_hash), as for every other
# slot: a callable instance set as __hash__ (unittest.mock's Mock, functools.lru_cache's
# test_lru_hash_only_once) was ignored and the identity hash used.
class Callable:
    def __init__(self, name, ret):
        self.name, self.ret = name, ret
    def __call__(self, *a):
        print('called', self.name, len(a))
        return self.ret

class C:
    __hash__ = Callable('hash', 42)
    __eq__ = Callable('eq', True)
    __len__ = Callable('len', 3)
    __repr__ = Callable('repr', 'R')

c = C()
print(hash(c), c == 1, len(c), repr(c))
print({c: 1}[c])

class Big:
    __hash__ = Callable('big', 2 ** 70)
print(hash(Big()) == hash(2 ** 70))

class Minus:
    __hash__ = Callable('minus', -1)
print(hash(Minus()))

class Bad:
    __hash__ = Callable('bad', 'x')
try:
    hash(Bad())
except TypeError as e:
    print('TypeError:', e)

class Plain:
    __hash__ = object.__hash__
    def __eq__(self, other):
        return False
p = Plain()
print(hash(p) == object.__hash__(p))

import functools
class Key:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
Key.__hash__ = Callable('key', 7)
@functools.lru_cache
def f(x):
    return 'r'
print(f(Key(1)), f(Key(1)), f.cache_info())
