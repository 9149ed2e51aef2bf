# Subclassing functools.partial, the itertools types, map, filter, enumerate, zip and reversed was refused
# (by name, or "not an acceptable base type"): a subclass's layout (the base's struct, then __weakref__ and a
# managed dict; partial's own dict and weakref slots), sizes, gc tracking, the class's refcount, the base's
# next() and repr on the subclass's instance, keywords refused only without an own __init__, enumerate's
# argument parse and PyNumber_Index(start), partial's read-only members and non-str keywords.
import functools, itertools, sys, gc, weakref, copy
def info(t):
    class S(t): pass
    print(t.__name__, S.__basicsize__, S.__dictoffset__, S.__weakrefoffset__, S.__flags__ & ~(1 << 19), t.__flags__ & ~(1 << 19))
    return S
cases = [
    (map, (abs, [-1, -2])), (filter, (None, [0, 1, 2])), (enumerate, ('ab',)), (zip, ('ab', 'cd')),
    (reversed, ("abc",)),
    (itertools.count, (3,)), (itertools.cycle, ('ab',)), (itertools.repeat, (7, 2)),
    (itertools.accumulate, ([1, 2, 3],)), (itertools.chain, ('ab', 'c')), (itertools.compress, ('abc', [1, 0, 1])),
    (itertools.dropwhile, (bool, [1, 0, 2])), (itertools.takewhile, (bool, [1, 0, 2])),
    (itertools.filterfalse, (bool, [1, 0, 2])), (itertools.starmap, (pow, [(2, 3)])),
    (itertools.islice, ('abcdef', 1, 4)), (itertools.pairwise, ('abc',)), (itertools.zip_longest, ('ab', 'c')),
    (itertools.groupby, ('aab',)), (itertools.product, ('ab', 'c')), (itertools.permutations, ('abc', 2)),
    (itertools.combinations, ('abc', 2)), (itertools.combinations_with_replacement, ('ab', 2)),
]
for t, args in cases:
    S = info(t)
    o = S(*args)
    print(' ', type(o).__name__, isinstance(o, t), sys.getsizeof(o), gc.is_tracked(o), iter(o) is o)
    o.attr = 5
    r = weakref.ref(o)
    if t is itertools.groupby:
        print(' ', [(k, list(g)) for k, g in o])
    elif t is itertools.count:
        print(' ', repr(o), next(o), next(o), repr(o))
    elif t is itertools.cycle:
        print(' ', [next(o) for i in range(5)])
    else:
        print(' ', list(o), o.__dict__)
    del o
    print(' ', r())
print(repr(info(itertools.repeat)(1, 2)))
print(repr(info(itertools.count)(1, 2)))
# super().__next__ and an own __next__
class M(map):
    def __next__(self):
        return super().__next__() * 10
print(list(M(abs, [-1, 2])))
class E(enumerate):
    def __init__(self, it, start=0):
        self.seen = start
print(list(E('xy', 5)), E('xy', 5).seen)
class Z(zip):
    def __new__(cls, *a, **k):
        return super().__new__(cls, *a, **k)
print(list(Z('ab', 'cd')))
class R(reversed): pass
class Rev:
    def __reversed__(self): return iter([1, 2])
print(type(R(Rev())).__name__)
# partial
class P(functools.partial):
    pass
p = P(print, 1, sep='-')
print(repr(p), sys.getsizeof(p), gc.is_tracked(p), P.__basicsize__, P.__dictoffset__, P.__weakrefoffset__, P.__flags__ & ~(1 << 19))
p.x = 1
print(p.__dict__, p.func, p.args, p.keywords)
p(2)
q = functools.partial(p, 3)
print(q.func is p, q.args)
q = P(p, 3)
print(q.func is p, q.args)
r = weakref.ref(p)
del p, q
print(r())
# cycles through a subclass instance's dict
o = M(abs, [])
o.me = o
r = weakref.ref(o)
del o
print(gc.collect() >= 1, r())
class C(itertools.chain): pass
print(type(C.from_iterable(['ab'])).__name__, list(C.from_iterable(['ab', 'c'])))
class CS(itertools.count):
    def __new__(cls, *a):
        self = super().__new__(cls, *a)
        self.made = True
        return self
c = CS(5)
print(next(c), c.made, repr(c))
class PS(functools.partial):
    def __new__(cls, *a, **k):
        return super().__new__(cls, *a, **k)
print(PS(max, 1)(2))
print(sys.getsizeof(enumerate([])))
class P(functools.partial): pass
for cls in (functools.partial, P):
    p = cls(print)
    for a in ('func', 'args', 'keywords'):
        try:
            setattr(p, a, 1)
        except AttributeError as e:
            print(a, e)
    p.keywords[1234] = 'value'
    print(repr(p))
    try:
        p()
    except TypeError as e:
        print(e)
print(type(functools.partial.__dict__['func']).__name__, functools.partial.func.__doc__)
for args, kw in [((), {}), (('abc', 'a'), {}), (('abc', 2, 3), {}), ((), {'iterable': [], 'x': 3}), ((), {'start': 0, 'x': 3}),
                 ((), {'x': 0, 'y': 3}), ((), {'x': 0}), (([],), {'iterable': []}), ((), {'start': 1}), (('ab',), {'start': 2.5}),
                 ((), {'start': 5, 'iterable': 'ab'}), ((), {'iterable': 'ab', 'start': 5}), (('ab',), {'start': True})]:
    try:
        print(list(enumerate(*args, **kw)))
    except TypeError as e:
        print(e)
print(list(enumerate('ab', True)), list(enumerate('ab', sys.maxsize)), type(list(enumerate('ab', True))[0][0]))
class K(map):
    def __init__(self, *args, extra=None):
        self.extra = extra
k = K(str, [1, 2], extra=3)
print(list(k), k.extra)
try:
    class K2(map): pass
    K2(str, [1], extra=3)
except TypeError as e:
    print(e)
class L(itertools.islice):
    def __init__(self, *args, newarg=None):
        self.newarg = newarg
print(list(L('abcd', 1, 3, newarg=1)), L('ab', 1, newarg=2).newarg)
class T(enumerate): pass
before = sys.getrefcount(T)
ts = [T('ab') for i in range(3)]
print(sys.getrefcount(T) - before)
del ts
print(sys.getrefcount(T) - before)
print(list(T(iterable='xy', start=2)))
import operator
print(operator.length_hint(itertools.repeat(None, 50)), operator.length_hint(itertools.repeat(None), 12))
class CR(type):
    pass
try:
    class U:
        x = functools.cached_property(len)
        y = x
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
K = type(functools.cmp_to_key(lambda a, b: 0)(1))
print(K.__hash__, '__hash__' in K.__dict__)
