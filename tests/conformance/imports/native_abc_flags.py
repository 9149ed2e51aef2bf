# _abc and the pattern-matching flags: __abc_tpflags__ moved into an ABC's __flags__ (and out of its dict),
# registration copying Py_TPFLAGS_SEQUENCE/MAPPING onto the class and its subclasses (not onto builtin types),
# inheritance of the flags, and match statements reading them
import abc
from collections import abc as cabc

SEQ, MAP = 1 << 5, 1 << 6


def kind(cls):
    f = cls.__flags__ & (SEQ | MAP)
    return {0: "-", SEQ: "seq", MAP: "map", SEQ | MAP: "both"}[f]


def shape(x):
    match x:
        case [*items]:
            return "sequence " + str(len(items))
        case {}:
            return "mapping"
        case _:
            return "neither"


print(kind(cabc.Sequence), kind(cabc.MutableSequence), kind(cabc.Mapping), kind(cabc.MutableMapping), kind(cabc.Set))
print("__abc_tpflags__" in cabc.Sequence.__dict__, hasattr(cabc.Mapping, "__abc_tpflags__"))


class Own(metaclass=abc.ABCMeta):
    __abc_tpflags__ = SEQ | 1 << 10


print(kind(Own), "__abc_tpflags__" in Own.__dict__)


class NotInt(metaclass=abc.ABCMeta):
    __abc_tpflags__ = "seq"


print(kind(NotInt), "__abc_tpflags__" in NotInt.__dict__)
for bad in (SEQ | MAP, 1 << 70):
    try:
        class Bad(metaclass=abc.ABCMeta):
            __abc_tpflags__ = bad
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)


class NoMeta:
    __abc_tpflags__ = SEQ


print(kind(NoMeta), "__abc_tpflags__" in NoMeta.__dict__)


class Rows:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i


class RowsChild(Rows):
    pass


class Table:
    def __getitem__(self, k): raise KeyError(k)
    def __len__(self): return 0
    def __iter__(self): return iter(())
    def keys(self): return []


print(kind(Rows), kind(RowsChild), shape(Rows(2)), shape(RowsChild(3)))
cabc.Sequence.register(Rows)
print(kind(Rows), kind(RowsChild), shape(Rows(2)), shape(RowsChild(3)))


class Later(Rows):
    pass


print(kind(Later), shape(Later(1)))
cabc.Mapping.register(RowsChild)
print(kind(Rows), kind(RowsChild), kind(Later), shape(RowsChild(3)))
cabc.Mapping.register(Table)
print(kind(Table), shape(Table()))
cabc.Sequence.register(Table)
print(kind(Table), shape(Table()))


class MySeq(cabc.Sequence):
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2: raise IndexError(i)
        return i * 10


class MyMap(cabc.MutableMapping):
    def __init__(self): self.d = {"a": 1}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)


print(kind(MySeq), kind(MyMap), shape(MySeq()), shape(MyMap()))
match MyMap():
    case {"a": v}:
        print("a is", v)


class Both(MySeq, MyMap):
    pass


print(kind(Both))
cabc.Sequence.register(memoryview)
cabc.Mapping.register(bytearray)
print(kind(bytearray), shape(bytearray(b"ab")), issubclass(bytearray, cabc.Mapping))
import collections
print(kind(collections.deque), shape(collections.deque([1, 2])), kind(collections.OrderedDict), shape(collections.OrderedDict(a=1)))
print(kind(type({}.keys())), shape({}.keys()), shape("ab"), shape(b"ab"), shape(range(3)))
