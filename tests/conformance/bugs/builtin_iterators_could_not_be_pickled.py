# __reduce__ and __setstate__ of the builtin iterators were refused ("refheap does not support X.__reduce__"):
# list, tuple, str, bytes, bytearray, dict and set iterators, reversed, enumerate, zip, map, filter, the sequence
# iterator and callable_iterator reduce as CPython 3.11's do, copy.copy and pickle round trips continue where the
# original stood, __setstate__ clamps the index.
import copy, pickle, sys
def show(it, adv=1):
    for i in range(adv):
        next(it, None)
    r = it.__reduce__()
    print(type(it).__name__, r[0].__name__, [type(x).__name__ if 'iterator' in type(x).__name__ else x for x in r[1]], r[2:])
    c = copy.copy(it)
    p = pickle.loads(pickle.dumps(it))
    print('  ', list(c), list(p), list(it))
show(iter([1, 2, 3])); show(iter([1]), 2)
show(iter((1, 2, 3))); show(iter((1,)), 2)
show(iter('abc')); show(iter('a'), 2); show(iter('éa')); show(iter('é'), 2)
show(iter(b'abc')); show(iter(b'a'), 2)
show(iter(bytearray(b'abc'))); show(iter(bytearray(b'a')), 2)
show(iter({1: 2, 3: 4})); show(iter({1: 2}), 2); show(iter({1: 2, 3: 4}.values())); show(iter({1: 2, 3: 4}.items()))
show(reversed({1: 2, 3: 4})); show(reversed({1: 2}), 2); show(reversed({1: 2, 3: 4}.items()))
show(iter({1, 2, 3})); show(iter({1}), 2)
show(reversed([1, 2, 3])); show(reversed([1]), 2)
show(reversed('abc')); show(reversed('a'), 2)
show(enumerate('abc')); show(enumerate('abc', 10)); show(enumerate('ab', 2 ** 70))
show(zip('ab', 'cd')); show(zip('ab', 'cd', strict=True))
show(map(str, [1, 2])); show(filter(None, [0, 1, 2]))
class S:
    def __getitem__(s, i):
        if i < 3:
            return i
        raise IndexError
print(list(pickle.loads(pickle.dumps(iter(S()))) if False else []))
it = iter(S()); next(it)
r = it.__reduce__(); print(r[0].__name__, type(r[1][0]).__name__, r[2:], list(copy.copy(it)))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    it = iter([1, 2, 3, 4]); next(it)
    print(proto, list(pickle.loads(pickle.dumps(it, proto))))
it = iter([1, 2, 3])
for st in (-5, 1, 10):
    it.__setstate__(st); print(st, list(copy.copy(it)))
r = reversed([1, 2, 3])
for st in (-5, 1, 10):
    r.__setstate__(st); print(st, list(copy.copy(r)))
z = zip('ab', 'c')
z.__setstate__(True)
try:
    list(z)
except ValueError as e:
    print(e)
try:
    iter([]).__setstate__('x')
except TypeError as e:
    print(e)
class E(enumerate): pass
e = E('xyz'); next(e)
print(type(pickle.loads(pickle.dumps(e))).__name__, list(pickle.loads(pickle.dumps(e))))
a = [1, 2]
before = sys.getrefcount(a)
r = iter(a).__reduce__()
print(sys.getrefcount(a) - before)
for rg in (range(5), range(1 << 70, (1 << 70) + 5), range(10, 0, -3)):
    for it in (iter(rg), reversed(rg)):
        next(it)
        print(type(it).__name__, list(pickle.loads(pickle.dumps(it))), list(copy.copy(it)), list(it))
it = iter(range(1 << 70, (1 << 70) + 5)); next(it)
print(it.__reduce__())
it.__setstate__(3); print(list(it))
print(list(pickle.loads(pickle.dumps(enumerate(range(3))))))
print(range(1, 10, 2).__reduce__(), pickle.loads(pickle.dumps(range(1, 10, 2))), copy.copy(range(3)))
