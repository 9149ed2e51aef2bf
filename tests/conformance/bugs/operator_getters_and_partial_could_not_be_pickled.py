# __reduce__ of operator.itemgetter/attrgetter/methodcaller and functools.partial (with
# partial.__setstate__): copy and pickle of them were refused (test_operator's and test_functools'
# copy/pickle tests).
import copy, pickle, operator, functools

class P:
    a = 1
    class b:
        c = 2

for g in (operator.itemgetter(1), operator.itemgetter(0, 2), operator.attrgetter('a'),
          operator.attrgetter('a', 'b.c'), operator.methodcaller('upper'),
          operator.methodcaller('replace', 'a', 'b'), operator.methodcaller('split', sep=',', maxsplit=1)):
    r = g.__reduce__()
    print(repr(g), r[0].__name__ if hasattr(r[0], '__name__') else type(r[0]).__name__, r[1])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        g2 = pickle.loads(pickle.dumps(g, proto))
        assert repr(g2) == repr(g), (g2, g)
    g3 = copy.deepcopy(g)
    print(repr(g3) == repr(g), type(g3) is type(g))
print(operator.itemgetter(1)('abc'), pickle.loads(pickle.dumps(operator.attrgetter('a', 'b.c')))(P))
print(pickle.loads(pickle.dumps(operator.methodcaller('split', sep=',', maxsplit=1)))('a,b,c'))

p = functools.partial(max, 1, 2, key=abs)
r = p.__reduce__()
print(r[0].__name__, r[1], r[2][1:3], r[2][3])
p.attr = 'x'
q = copy.copy(p)
print(q.func, q.args, q.keywords, q.__dict__, q(-5))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(functools.partial(sorted, key=len), proto))
    assert q(['ccc', 'a', 'bb']) == ['a', 'bb', 'ccc']
s = functools.partial(max)
s.__setstate__((min, (3, 4), None, None))
print(s.func, s.args, s.keywords, s())
for bad in ((1, 2), (max, [1], {}, None), (max, (), 5, None), (1, (), {}, None), [max, (), {}, None]):
    try:
        s.__setstate__(bad)
    except TypeError as e:
        print('TypeError', e)
