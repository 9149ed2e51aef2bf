# A float subclass's instances: PyFloatObject (24 bytes), the __weakref__ slot (basicsize 32), a
# managed __dict__; sizes follow tp_basicsize; arithmetic gives exact floats; freed instances never
# go to float's free list.
import gc
import sys


class F(float):
    pass


class S(float):
    __slots__ = ()


print(sys.getsizeof(1.5), sys.getsizeof(F(1.5)), sys.getsizeof(S(1.5)))
print(gc.is_tracked(1.5), gc.is_tracked(F(1.5)), gc.is_tracked(S()))
f = F(2.5)
f.unit = 'm'
print(f, f.unit, f.__dict__, repr(f), str(f), sys.getsizeof(f))
for r in (f + 1, f * 2, f - F(0.5), f / 2, f // 2, f % 2, f ** 2, -f, +f, abs(F(-1.0)), 1 + f, divmod(f, 2)):
    print(type(r).__name__, r)
print(f == 2.5, f < 3, f > F(1), hash(f) == hash(2.5), int(f), float(f), type(float(f)).__name__, bool(F(0.0)), round(f))
print(f'{f:.3f}', format(f, 'e'), '%.1f' % f, F('1.25'), F(3), F(), F('nan') != F('nan'))
import weakref
r = weakref.ref(f)
print(r() is f)
del f
print(r())


class Celsius(float):
    def __new__(cls, degrees):
        return super().__new__(cls, degrees)

    def __repr__(self):
        return f'{float(self)}°C'


c = Celsius(21.5)
print(c, [c], c + 1, type(c + 1).__name__)
