# __flags__ of _random.Random, operator.itemgetter/attrgetter/methodcaller and functools.partial
# (heap types in 3.11): copyreg._reduce_ex reads it when pickling with protocol 0 or 1, so pickling a
# bare _random.Random is refused with TypeError (test_random's test_bug_41052).
import _random, operator, functools, pickle
H = 1 << 9
for t in (_random.Random, operator.itemgetter, operator.attrgetter, operator.methodcaller, functools.partial):
    f = t.__flags__
    print(t.__name__, bool(f & H), bool(f & (1 << 10)), bool(f & (1 << 14)), bool(f & (1 << 11)), bool(f & (1 << 8)))
r = _random.Random()
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):  # (protocols 0 and 1: copyreg._reduce_ex looks for a __new__ whose __self__ is the type, which refheap's native types lack)
    try:
        pickle.dumps(r, proto)
    except TypeError as e:
        print(proto, 'TypeError', e)

# object.__reduce_ex__(2) of builtin types' instances: with arguments (int's __getnewargs__), a
# list's or dict's items, or refused with TypeError when the layout holds data and nothing rebuilds it
import copy
print((5).__reduce_ex__(2)[1:], 'ab'.__reduce_ex__(3)[1:], (1, 2).__reduce_ex__(2)[1:])
r = [1, 2].__reduce_ex__(2)
print(r[1:3], list(r[3]), r[4])
r = {'a': 1}.__reduce_ex__(2)
print(r[1:4], list(r[4]))
def gen():
    yield 1
for o in (gen(), _random.Random(), (lambda: 0).__code__.replace()):
    try:
        copy.copy(o)
        print('copied', type(o).__name__)
    except TypeError as e:
        print('TypeError', e)
