# A complex subclass's instances: PyComplexObject (32 bytes), the __weakref__ slot (basicsize 40)
# and a managed dict; arithmetic, abs, conjugate and complex() give exact complex numbers;
# equality and hash as complex; __new__ overrides.
import gc
import sys


class C(complex):
    pass


class Slotted(complex):
    __slots__ = ()


c = C(1, 2)
print(C.__basicsize__, C.__dictoffset__, C.__weakrefoffset__, Slotted.__basicsize__, sys.getsizeof(c), sys.getsizeof(Slotted(1)), sys.getsizeof(1j))
print(gc.is_tracked(1j), gc.is_tracked(c), gc.get_referents(c) == [C], sys.getrefcount(c))
for r in (c + 1, 1 + c, c - 1j, c * 2, c / 2, -c, +c, c ** 2, 2 ** C(1), c.conjugate(), complex(c), abs(C(3, 4))):
    print(type(r).__name__, r)
print(c, repr(c), str(c), c == 1 + 2j, 1 + 2j == c, c != 1, C(2) == 2, hash(c) == hash(1 + 2j), c.real, c.imag, bool(C()), bool(c))
print(C('1+2j'), C(), C(real=3), C(1.5, imag=2), {c: 'x'}[1 + 2j], format(c, ''))
c.note = 'n'
print(c.__dict__, sys.getsizeof(c), gc.get_referents(c) == [{'note': 'n'}, C])


class Polar(complex):
    def __new__(cls, r, theta):
        import math
        return super().__new__(cls, r * math.cos(theta), r * math.sin(theta))

    def __repr__(self):
        return f'Polar({abs(self):.1f})'


p = Polar(2, 0)
print(p, [p], p + 1, type(p + 1).__name__)
