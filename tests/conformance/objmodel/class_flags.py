# A class's __flags__ (tp_flags) as CPython 3.11 computes them for heap types: the fixed bits,
# MANAGED_DICT, the *_SUBCLASS and MATCH_SELF bits of builtin bases, SEQUENCE/MAPPING inherited or
# from an ABC, IS_ABSTRACT, and VALID_VERSION_TAG as lookups set it and changes clear it.
import abc
import collections
import collections.abc as cabc

NAMES = [("MANAGED_DICT", 4), ("SEQUENCE", 5), ("MAPPING", 6), ("HEAPTYPE", 9), ("BASETYPE", 10),
         ("READY", 12), ("HAVE_GC", 14), ("VALID_VERSION_TAG", 19), ("IS_ABSTRACT", 20),
         ("MATCH_SELF", 22), ("LONG", 24), ("LIST", 25), ("TUPLE", 26), ("BYTES", 27),
         ("UNICODE", 28), ("DICT", 29), ("BASE_EXC", 30), ("TYPE", 31)]

def show(label, c):
    v = c.__flags__
    known = sum(1 << b for _, b in NAMES)
    print(f"{label:28} {v:#012x}", " ".join(n for n, b in NAMES if v >> b & 1), "" if v & ~known == 0 else f"other={v & ~known:#x}")

class Plain: pass
show("Plain", Plain)
p = Plain()
show("Plain after Plain()", Plain)
p.x = 1
show("Plain after p.x = 1", Plain)
Plain.y = 2
show("Plain after Plain.y = 2", Plain)
p.x
show("Plain after p.x", Plain)

class WithInit:
    def __init__(self): self.a = 1
show("WithInit", WithInit)
WithInit()
show("WithInit after a call", WithInit)
WithInit.__qualname__ = "Renamed"
show("WithInit after __qualname__=", WithInit)

class Child(WithInit): pass
show("Child", Child)
Child().a
show("Child after .a", Child)
show("WithInit (Child's base)", WithInit)
WithInit.z = 0
show("Child after base change", Child)

class Slotted:
    __slots__ = ("a", "b")
show("Slotted", Slotted)
class SlottedDict:
    __slots__ = ("a", "__dict__")
show("SlottedDict", SlottedDict)

for base in (int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset,
             Exception, ValueError, KeyError, OSError, BaseException, type, property,
             classmethod, staticmethod, collections.deque, collections.defaultdict):
    show(base.__name__ + " subclass", type("Sub", (base,), {}))

class Mixin: pass
class MixedList(Mixin, list): pass
show("MixedList", MixedList)
class MixedDict(dict, Mixin): pass
show("MixedDict", MixedDict)
class SubMixed(MixedList): pass
show("SubMixed", SubMixed)

class Meta(type): pass
show("Meta", Meta)
class WithMeta(metaclass=Meta): pass
show("WithMeta", WithMeta)
show("Meta after use", Meta)

class Abstract(abc.ABC):
    @abc.abstractmethod
    def m(self): ...
show("Abstract", Abstract)
class Concrete(Abstract):
    def m(self): return 1
show("Concrete", Concrete)
class MySeq(cabc.Sequence): pass
show("MySeq", MySeq)
class MyMap(cabc.Mapping):
    def __getitem__(self, k): return k
    def __len__(self): return 0
    def __iter__(self): return iter(())
show("MyMap", MyMap)

class Registered: pass
cabc.MutableMapping.register(Registered)
show("Registered (MutableMapping)", Registered)
class Later(Registered): pass
show("Later", Later)
class SeqReg(list): pass
cabc.Mapping.register(SeqReg)
show("list subclass -> Mapping", SeqReg)

class Toggle: pass
Toggle.__abstractmethods__ = frozenset({"f"})
show("Toggle abstract", Toggle)
Toggle.__abstractmethods__ = ()
show("Toggle empty", Toggle)
Toggle.__abstractmethods__ = [0]
show("Toggle list", Toggle)
del Toggle.__abstractmethods__
show("Toggle deleted", Toggle)

class Dunders:
    def __repr__(self): return "d"
    def __eq__(self, o): return True
    def __len__(self): return 0
show("Dunders", Dunders)
repr(Dunders())
show("Dunders after repr", Dunders)

class Matched: pass
match Matched():
    case Matched(): pass
show("Matched after match", Matched)
