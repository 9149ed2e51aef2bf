# enum on refheap: EnumType's __prepare__ (_EnumDict, a dict subclass), Enum, IntEnum, StrEnum,
# Flag, auto, unique, lookups by value and name, iteration, members' sizes and refcounts.
import enum
import gc
import sys


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias


print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.CRIMSON is Color.RED, len(Color))
print(list(Color), [m.name for m in Color], Color.RED.value, Color.RED in Color, type(Color).__name__)
print(Color.__members__.keys(), isinstance(Color.RED, Color), gc.is_tracked(Color.RED))
try:
    Color(7)
except ValueError as e:
    print('ValueError:', e)


class Num(enum.IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE + 1, Num.TWO * 3, Num(2), Num.ONE < Num.TWO, int(Num.TWO), isinstance(Num.ONE, int))


class Mode(enum.StrEnum):
    READ = enum.auto()
    WRITE = 'w'


print(Mode.READ, Mode.WRITE.upper(), Mode('read'), isinstance(Mode.READ, str), Mode.READ == 'read')


class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()


rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, [p.name for p in Perm], (rw & Perm.W).name, bool(Perm(0)))

try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError:', e)

before = sys.getrefcount(Color.RED)
x = Color.RED
print(sys.getrefcount(Color.RED) - before)
