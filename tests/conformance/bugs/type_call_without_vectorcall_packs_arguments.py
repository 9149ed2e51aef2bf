# Bug (issue 7): calling a type that has no tp_vectorcall in CPython 3.11 goes through _PyObject_MakeTpCall, which packs the positional arguments into a tuple and the keywords into a dict for the call (str(b, enc), int(s, base=...), bytes, slice, memoryview, zip, itertools, operator, functools, collections types...); refheap made neither, so gc.get_count() was one lower after such a call whenever the tuple free list was empty. Types with a vectorcall (float, bool, list, tuple, dict, set, frozenset, range, enumerate, reversed, filter, map, type(x)) make no tuple. Also enumerate's en_result and zip's result tuples, made with the object and handed out again by next() while nothing else holds them.
import gc, sys, collections, operator, functools, itertools
gc.disable()
HOLD = []
def drain():
    # empties the free lists of 1-, 2- and 3-tuples, so that every tuple a call makes is a GC allocation
    for i in range(2100 if not HOLD else 4):
        HOLD.append((i,)); HOLD.append((i, i)); HOLD.append((i, i, i))
L = [1, 2]
def f(x):
    "doc"
class Obj:
    def __iter__(self):
        return iter(L)
o = Obj()
cases = [
    ("str(b'a', 'ascii')", lambda: str(b'a', 'ascii')), ("str(object=o)", lambda: str(object=o)),
    ("int('5')", lambda: int('5')), ("int('5', base=10)", lambda: int('5', base=10)), ("bytes(L)", lambda: bytes(L)),
    ("bytearray(L)", lambda: bytearray(L)), ("slice(1, 2)", lambda: slice(1, 2)), ("memoryview(b'ab')", lambda: memoryview(b'ab')),
    ("staticmethod(f)", lambda: staticmethod(f)), ("classmethod(f)", lambda: classmethod(f)), ("property(f)", lambda: property(f)),
    ("type('X', (), {})", lambda: type('X', (), {})),
    ("zip(L)", lambda: zip(L)), ("zip(L, L)", lambda: zip(L, L)), ("zip(o, o)", lambda: zip(o, o)), ("zip()", lambda: zip()),
    ("enumerate(L)", lambda: enumerate(L)), ("enumerate(o, 3)", lambda: enumerate(o, 3)),
    ("map(abs, L)", lambda: map(abs, L)), ("filter(None, L)", lambda: filter(None, L)), ("reversed(L)", lambda: reversed(L)),
    ("list(o)", lambda: list(o)), ("tuple(L)", lambda: tuple(L)), ("set(L)", lambda: set(L)), ("frozenset(L)", lambda: frozenset(L)),
    ("dict(a=1)", lambda: dict(a=1)), ("range(1, 2)", lambda: range(1, 2)), ("float('1')", lambda: float('1')),
    ("bool(1)", lambda: bool(1)), ("type(o)", lambda: type(o)), ("object()", lambda: object()),
    ("defaultdict(list)", lambda: collections.defaultdict(list)), ("defaultdict(None, a=1)", lambda: collections.defaultdict(None, a=1)),
    ("deque(L)", lambda: collections.deque(L)), ("deque(L, maxlen=3)", lambda: collections.deque(L, maxlen=3)),
    ("itemgetter(1)", lambda: operator.itemgetter(1)), ("itemgetter(1, 2)", lambda: operator.itemgetter(1, 2)),
    ("attrgetter('a')", lambda: operator.attrgetter('a')), ("methodcaller('a', 1)", lambda: operator.methodcaller('a', 1)),
    ("partial(f, 1)", lambda: functools.partial(f, 1)), ("partial(f, x=1)", lambda: functools.partial(f, x=1)),
    ("chain(L, L)", lambda: itertools.chain(L, L)), ("islice(L, 1)", lambda: itertools.islice(L, 1)),
    ("repeat(1, 2)", lambda: itertools.repeat(1, 2)), ("accumulate(L)", lambda: itertools.accumulate(L)),
    ("product(L)", lambda: itertools.product(L)), ("count(1)", lambda: itertools.count(1)),
    ("ValueError(1)", lambda: ValueError(1)), ("KeyError(1, 2)", lambda: KeyError(1, 2)),
]
for name, make in cases:
    make()
drain()
for name, make in cases:
    drain()
    c0 = gc.get_count()[0]
    x = make()
    c1 = gc.get_count()[0]
    del x
    c2 = gc.get_count()[0]
    print(f"{name}: made {c1 - c0}, after del {c2 - c0}")
# enumerate and zip hand their result tuple out again while nothing else holds it
e = enumerate([[1], [2], [3]])
a = next(e)
b = next(e)
print("kept results", a is b)
del a, b
c = next(e)
print("recycled", gc.is_tracked(c), [type(x).__name__ for x in gc.get_referents(e)])
z = zip((1, 2, 3), (4, 5, 6))
r = next(z)
gc.collect()
print("untracked by a collection", r, gc.is_tracked(r))
del r
r = next(z)
print("tracked again", r, gc.is_tracked(r), [type(x).__name__ for x in gc.get_referents(z)])
try:
    zip(1)
except TypeError as ex:
    print("zip(1):", ex)
