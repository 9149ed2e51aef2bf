# MATCH_SEQUENCE/MATCH_MAPPING read Py_TPFLAGS_SEQUENCE/MAPPING of the subject's type: deque, mappingproxy,
# subclasses of collections.abc.Sequence/Mapping and classes registered with them match; refheap
# only knew list, tuple, range, memoryview and dict.
import collections
import types
from collections.abc import Mapping, Sequence


class Pair(Sequence):
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2: raise IndexError(i)
        return i


class Table(Mapping):
    def __getitem__(self, k): raise KeyError(k)
    def __len__(self): return 0
    def __iter__(self): return iter(())


class Registered:
    def __len__(self): return 1
    def __getitem__(self, i):
        if i >= 1: raise IndexError(i)
        return "r"


Sequence.register(Registered)


def shape(x):
    match x:
        case [*items]:
            return "sequence " + repr(items)
        case {}:
            return "mapping"
        case _:
            return "neither"


for x in (collections.deque([1, 2]), types.MappingProxyType({}), Pair(), Table(), Registered(), "ab", collections.OrderedDict()):
    print(type(x).__name__, shape(x))
