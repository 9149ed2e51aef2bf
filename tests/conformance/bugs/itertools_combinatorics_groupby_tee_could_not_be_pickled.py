# __reduce__/__setstate__ of accumulate, islice, zip_longest, product, combinations,
# combinations_with_replacement, permutations, groupby, _grouper, tee and _tee_dataobject, as
# CPython 3.11's: pickling, copy and deepcopy of each at several points of its iteration, the reduce
# values' shapes, the setstate checks and clamping (they were refused with NotImplementedError).
import itertools as it, pickle, copy, operator

def second(a, b):
    return b

def show(label, o, steps=2):
    for _ in range(steps):
        try:
            next(o)
        except StopIteration:
            break
    r = o.__reduce__()
    outs = [list(it.islice(pickle.loads(pickle.dumps(o, proto)), 12)) for proto in range(pickle.HIGHEST_PROTOCOL + 1)]
    same = all(x == outs[0] for x in outs)
    print(label, r[0].__name__, len(r), same, outs[0], list(it.islice(copy.deepcopy(o), 12)), list(it.islice(copy.copy(o), 3)))

show('acc', it.accumulate(range(10)))
show('acc0', it.accumulate(range(10)), 0)
show('acci', it.accumulate(range(10), initial=100), 0)
show('accop', it.accumulate(range(1, 10), operator.mul))
show('accnone', it.accumulate([None, None, 3], second), 1)
show('islice', it.islice(range(100), 3, 50, 7))
show('islice2', it.islice(range(100), 5))
show('isliceN', it.islice(range(100), 3, None, 2))
show('isliceX', it.islice(range(3), 5), 5)
show('zl', it.zip_longest('abc', 'de', fillvalue='-'))
show('zlx', it.zip_longest('abc', 'de', fillvalue='-'), 3)
show('prod', it.product('ab', range(3), repeat=2))
show('prod0', it.product('ab', range(3)), 0)
show('prodx', it.product('ab', ''), 2)
show('prod_end', it.product('ab'), 5)
show('comb', it.combinations('abcde', 3))
show('comb0', it.combinations('abcde', 3), 0)
show('combx', it.combinations('ab', 3), 1)
show('comb_end', it.combinations('abc', 2), 5)
show('cwr', it.combinations_with_replacement('abc', 2))
show('cwr_end', it.combinations_with_replacement('ab', 2), 5)
show('perm', it.permutations('abcd', 2), 5)
show('perm0', it.permutations('abcd'), 0)
show('perm_end', it.permutations('ab'), 5)
print(it.islice(range(10), 2, 8, 3).__reduce__()[1][1:], it.product('ab', 'c').__reduce__()[1])
p = it.permutations('abc', 2); next(p); next(p)
print(p.__reduce__()[1:], it.combinations('abc', 2).__reduce__()[1])

g = it.groupby('aaabbbccd')
k, grp = next(g)
print(g.__reduce__()[1][1], g.__reduce__()[2], grp.__reduce__()[1][1], grp.__reduce__()[1][0] is g)
print([(k, list(v)) for k, v in pickle.loads(pickle.dumps(g))])
g = it.groupby('aaabbbccd')
k, grp = next(g)
next(grp)
g2, grp2 = pickle.loads(pickle.dumps((g, grp)))
print(list(grp2), [(k, list(v)) for k, v in g2])
k2, grp3 = next(g)
next(g)
print(grp3.__reduce__(), list(pickle.loads(pickle.dumps(grp3))))
g = it.groupby([1, 2, 2, 3], key=lambda x: x % 2)
print(len(g.__reduce__()), g.__reduce__()[1][1] is not None)

a, b = it.tee('abcdefgh')
next(a); next(a); next(b)
r = a.__reduce__()
print(r[0].__name__, r[1], type(r[2][0]).__name__, r[2][1], r[2][0].__reduce__()[1][1:])
print(list(pickle.loads(pickle.dumps(a))), list(pickle.loads(pickle.dumps(b))), list(copy.deepcopy(b)), list(copy.copy(a)))
a, b = it.tee(iter(range(200)))
for _ in range(130):
    next(a)
print(list(pickle.loads(pickle.dumps(a)))[:3], len(list(pickle.loads(pickle.dumps(b)))), a.__reduce__()[2][1])
d = it._tee_dataobject(iter('xyz'), [1, 2], None)
print(d.__reduce__()[1][1:], type(d).__name__)

for bad in [lambda: it.product('ab').__setstate__((1, 2, 3)), lambda: it.combinations('abc', 2).__setstate__((0,)),
            lambda: it.permutations('abc').__setstate__(5), lambda: it.permutations('abc').__setstate__(((0, 1, 2),)),
            lambda: it.permutations('abc').__setstate__(([0, 1, 2], (1, 1, 1))),
            lambda: it.tee('ab')[0].__setstate__((1, 2)), lambda: it.tee('ab')[0].__setstate__(5),
            lambda: it.tee('ab')[0].__setstate__((it._tee_dataobject(iter(''), [], None), 58)),
            lambda: it._tee_dataobject(iter('a'), [1] * 58, None), lambda: it._tee_dataobject(iter('a'), (1,), None),
            lambda: it._tee_dataobject(iter('a'), [1], it._tee_dataobject(iter(''), [], None)),
            lambda: it.groupby('ab').__setstate__((1, 2)), lambda: it.groupby('ab').__setstate__([1, 2, 3]),
            lambda: it.islice('ab', 1).__setstate__('x'), lambda: it.accumulate('ab').__setstate__(None),
            lambda: it.zip_longest('ab').__setstate__(7)]:
    try:
        print('ok', bad())
    except Exception as e:
        print(type(e).__name__, e)
c = it.combinations('abcd', 2); c.__setstate__((5, 9)); print(list(c))
c = it.combinations_with_replacement('abc', 2); c.__setstate__((-3, 9)); print(list(c))
c = it.permutations('abcd', 2); c.__setstate__(((3, 2, 1, 0), (0, 9))); print(list(c))
p = it.product('ab', 'cd'); p.__setstate__((1, -5)); print(list(p))
z = it.zip_longest('a', 'bcd'); z.__setstate__('?'); print(list(z))
s = it.islice(range(10), 4, 9); s.__setstate__(2); print(list(s))
