# _random.Random has its own __new__ (tp_new bound to the type) and __init__ (random_init): copyreg
# refuses protocols 0 and 1 by the former, and a subclass without an __init__ of its own is seeded
# by the latter (its instances were left unseeded).
import _random, random, pickle, copy, sys, gc

print(_random.Random.__new__.__self__ is _random.Random, '__new__' in vars(_random.Random))
print(_random.Random.__init__, '__init__' in vars(_random.Random))
r = _random.Random(5)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    try:
        pickle.dumps(r, proto)
        print(proto, 'pickled')
    except TypeError as e:
        print(proto, 'TypeError:', e)
try:
    copy.copy(r)
except TypeError as e:
    print('copy TypeError:', e)

class S(_random.Random):
    pass
print(S(5).random() == _random.Random(5).random(), S(5).getrandbits(20))
try:
    S(5, x=1)
except TypeError as e:
    print('TypeError:', e)
try:
    S(5, 6)
except TypeError as e:
    print('TypeError:', e)

class T(_random.Random):
    def __init__(self, a, x=None):
        super().__init__(a)
        self.x = x
t = T(7, x=3)
print(t.x, t.random() == _random.Random(7).random())
r = _random.Random(3)
print(r.__init__(5), r.random() == _random.Random(5).random())
try:
    _random.Random.__new__(int)
except TypeError as e:
    print('TypeError:', e)
try:
    _random.Random.__new__(list)
except TypeError as e:
    print('TypeError:', e)
n = _random.Random.__new__(_random.Random)
print(type(n).__name__, sys.getsizeof(n), gc.is_tracked(n))
print(random.Random(5).random() == _random.Random(5).random())
print(pickle.loads(pickle.dumps(random.Random(4))).random() == random.Random(4).random())
print(type(S(1)).__mro__[1:], sys.getsizeof(S(1)) - sys.getsizeof(_random.Random()))
