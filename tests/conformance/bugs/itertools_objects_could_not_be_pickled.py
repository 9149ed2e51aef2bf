# Pickling and copying count, repeat, cycle, chain, compress, dropwhile, takewhile, filterfalse and starmap
# was refused ("cannot pickle"): their 3.11 __reduce__ values and __setstate__, round trips from part-way.
import copy, itertools, operator, pickle
def show(it, n=1):
    for i in range(n):
        next(it, None)
    r = it.__reduce__()
    print(type(it).__name__, r[0].__name__, [type(x).__name__ if 'iterator' in type(x).__name__ else x for x in r[1]],
          [[type(y).__name__ if 'iterator' in type(y).__name__ else y for y in x] if isinstance(x, tuple) else x for x in r[2:]])
    a = list(itertools.islice(copy.copy(it), 6))
    b = list(itertools.islice(pickle.loads(pickle.dumps(it)), 6))
    c = list(itertools.islice(it, 6))
    print('  ', a, b, c)
show(itertools.count(3)); show(itertools.count(2, 3)); show(itertools.count(1.5)); show(itertools.count(2 ** 70))
show(itertools.repeat('x', 3)); show(itertools.repeat('y'))
show(itertools.cycle('abc')); show(itertools.cycle('ab'), 3); show(itertools.cycle('abc'), 4); show(itertools.cycle(''))
show(itertools.chain('ab', 'cd')); show(itertools.chain('ab'), 3); show(itertools.chain.from_iterable(['xy', 'z']), 0)
show(itertools.compress('abcde', [1, 0, 1, 1, 0]))
show(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1]) if False else itertools.dropwhile(bool, [1, 0, 2, 0]))
show(itertools.takewhile(bool, [1, 2, 0, 3]), 3)
show(itertools.filterfalse(None, [0, 1, 0, 2])); show(itertools.starmap(operator.pow, [(2, 3), (3, 2), (1, 1)]))
c = itertools.chain('ab')
c.__setstate__((iter('xyz'),)); print(list(c))
c.__setstate__((iter('pq'), iter('r'))); print(list(c))
for bad in ('x', (1,)):
    try:
        c.__setstate__(bad)
    except TypeError as e:
        print(e)
cy = itertools.cycle('ab')
cy.__setstate__((['q', 'r'], True)); print([next(cy) for i in range(5)])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, list(itertools.islice(pickle.loads(pickle.dumps(itertools.cycle('abc'), proto)), 4)))
for bad in ([['a'], 0], (('a',), 0), (['a'], 'x'), (), ([],)):
    try:
        itertools.cycle('ab').__setstate__(bad)
    except TypeError as e:
        print(type(e).__name__)
