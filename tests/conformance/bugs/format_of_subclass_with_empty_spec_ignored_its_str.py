# format(x) / f'{x}' with an empty spec on an instance of a subclass of int, float or str is
# str(x) (format_obj), the subclass's own __str__ included: an enum member whose class defines
# __str__ formats as that (IntEnum, StrEnum, IntFlag); str() of an int subclass with its own
# __str__ called it. int.from_bytes and float.fromhex called through a subclass return cls(value)
# (an enum's member), bytes.fromhex too.
import enum


class I(int):
    def __str__(self):
        return 'I-str'


class F(float):
    def __str__(self):
        return 'F-str'


class S(str):
    def __str__(self):
        return 'S-str'


for v in [I(5), F(2.5), S('x'), True]:
    print(str(v), format(v), format(v, ''), '{}'.format(v), f'{v}', type(v).__format__(v, ''), format(v, '>6'))


class NS(enum.StrEnum):
    first = enum.auto()

    def __str__(self):
        return self.name.upper()


class NI(enum.IntEnum):
    first = 1

    def __str__(self):
        return self.name.upper()


class Perm(enum.IntFlag):
    R = 4
    W = 2

    def __str__(self):
        return self._name_


print(str(NS.first), format(NS.first), f'{NS.first}', format(NS.first, '>7'))
print(str(NI.first), format(NI.first), f'{NI.first}', format(NI.first, '>7'))
print(format(Perm.R, ''), format(Perm.W, '>3'))


class FloatStooges(float, enum.Enum):
    LARRY = 1.39
    MOE = 3.142596


class IntStooges(enum.IntEnum):
    LARRY = 1
    MOE = 3


print(FloatStooges.fromhex(FloatStooges.MOE.hex()) is FloatStooges.MOE, type(float.fromhex('0x1p1')).__name__)
print(IntStooges.from_bytes(b'\x00\x03', 'big') is IntStooges.MOE, type(int.from_bytes(b'\x01', 'big')).__name__)


class B(bytes):
    pass


class BA(bytearray):
    pass


print(type(B.fromhex('41')).__name__, B.fromhex('4142'), type(BA.fromhex('41')).__name__, BA.fromhex('4142'))
