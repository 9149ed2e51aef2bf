# functools.singledispatch and singledispatchmethod: the dispatch cache is a
# weakref.WeakKeyDictionary (CPython's weakref.py), keyed by the argument's class.
import functools
import gc
import weakref
from collections.abc import Sequence, Mapping


@functools.singledispatch
def describe(x):
    return "object"


@describe.register
def _(x: int):
    return "int"


@describe.register(list)
def _(x):
    return "list"


@describe.register(Sequence)
def _(x):
    return "sequence"


def _mapping(x):
    return "mapping"


describe.register(Mapping, _mapping)

print(describe(1), describe(True), describe([1]), describe((1,)), describe("s"), describe({}), describe(1.5))
print(sorted(t.__name__ for t in describe.registry))
print(describe.dispatch(bool).__name__, describe.dispatch(dict) is _mapping, describe.dispatch(object).__name__)
print(type(describe.registry).__name__)


class Dyn:
    pass


print(describe(Dyn()))
# the cache holds the class weakly: a class that dies leaves it
print(Dyn.__name__, sum(1 for r in weakref.getweakrefs(Dyn) if type(r) is weakref.ref) >= 1)
del Dyn
gc.collect()


class Later(list):
    pass


print(describe(Later()))
describe.register(Later, lambda x: "later")
print(describe(Later()))

try:
    @describe.register
    def _(x):
        return "no annotation"
except TypeError as e:
    print("TypeError", str(e).split(":")[0])


class Shape:
    @functools.singledispatchmethod
    def area(self, arg):
        return "generic"

    @area.register
    def _(self, arg: int):
        return "int %d" % arg

    @area.register
    def _(self, arg: str):
        return "str " + arg


s = Shape()
print(s.area(3), s.area("x"), s.area(2.0))


@functools.singledispatch
def fmt(x):
    return repr(x)


@fmt.register(float)
@fmt.register(complex)
def _(x):
    return "number"


print(fmt(1.0), fmt(1j), fmt(1))
print(functools.update_wrapper.__name__, fmt.__wrapped__.__name__)
