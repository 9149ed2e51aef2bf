# itertools: argument errors with CPython 3.11's messages, exceptions from the underlying iterator, tee re-entry
import itertools as it
cases = ['it.count(1,2,3)','it.count("a")','it.count(1,"a")','it.count(x=1)','it.cycle()','it.cycle(1)','it.cycle([],[])','it.cycle(a=1)','it.repeat()','it.repeat(1,"a")','it.repeat(1,2,3)',
'it.accumulate()','it.accumulate(1)','it.accumulate([1],None,None)','it.accumulate([1],initial=1,x=2)','it.chain(1)','list(it.chain(1))','it.chain(a=1)','it.chain.from_iterable()','it.compress([1])','it.compress(data=[1],selectors=[1])',
'it.dropwhile(None)','it.dropwhile(None,1)','it.takewhile(1,2,3)','it.filterfalse(None)','it.groupby()','it.groupby(1)','it.groupby([],k=1)','it.islice([1])','it.islice([1],-1)','it.islice([1],"a")','it.islice([1],1,2,0)','it.islice([1],-2,3)','it.islice(1,2)','it.islice([1],stop=2)',
'it.pairwise()','it.pairwise(1)','it.starmap(pow)','list(it.starmap(pow,[1]))','it.tee()','it.tee([],-1)','it.tee(1)','it.tee([],"a")','it.zip_longest(1)','it.zip_longest([],x=1)','it.product(1)','it.product([],repeat=-1)','it.product([],x=1)','it.product(repeat="a")',
'it.permutations()','it.permutations([],-1)','it.permutations([],"a")','it.combinations([])','it.combinations([],-1)','it.combinations_with_replacement([],-1)','it.combinations(1,2)','next(it.count(), 1)', 'it.count()[0]','len(it.count())',
'it.repeat(1,-3)','it.accumulate([1],1)', 'list(it.accumulate([1,"a"]))','it.islice([1],None,None,None)','it.islice([1],2**70)','it.repeat(1,2**70)','it.count(1j)','it.count(1.5,1j)']
for c in cases:
    try:
        r = eval(c); print(c, '->', repr(r) if not hasattr(r,'__next__') else type(r).__name__)
    except Exception as e:
        print(c, '!!', type(e).__name__, e)

def boom():
    yield 1
    raise KeyError('inner')
for make in [lambda: it.chain(boom()), lambda: it.islice(boom(), 5), lambda: it.zip_longest(boom(), [1, 2, 3]), lambda: it.pairwise(boom()),
             lambda: it.accumulate(boom()), lambda: it.groupby(boom()), lambda: it.tee(boom())[0], lambda: it.cycle(boom()), lambda: it.compress(boom(), [1, 1])]:
    o = make()
    try:
        for v in o:
            print(type(o).__name__, v[0] if type(o).__name__ == 'groupby' else v)
    except KeyError as e:
        print(type(o).__name__, 'raised', e, list(o) if type(o).__name__ not in ('cycle',) else '')
def reenter():
    yield next(t)
t = it.tee(reenter())[0]
try:
    next(t)
except RuntimeError as e:
    print(e)
try:
    list(it.dropwhile(lambda x: 1 / 0, [1]))
except ZeroDivisionError as e:
    print('dropwhile', e)
print(list(it.islice(it.count(2**63 - 2), 3)))
