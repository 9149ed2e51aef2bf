# 3 != x where x's class defines only __eq__: int says NotImplemented, then x's inherited
# object.__ne__ answers not x.__eq__(3) (random.randrange's `istart != start` with a Fraction,
# test_random's test_randrange_errors); it fell to identity.
from fractions import Fraction
class E:
    def __eq__(self, o):
        print('E.__eq__', type(o).__name__)
        return True
class N:
    def __eq__(self, o):
        return NotImplemented
class Both:
    def __eq__(self, o):
        print('Both.__eq__')
        return True
    def __ne__(self, o):
        print('Both.__ne__')
        return NotImplemented
print(3 != Fraction(3, 1), Fraction(3, 1) != 3, 3 != Fraction(7, 2))
print(3 != E(), E() != 3)
n = N()
print(3 != n, n != n, 'a' != N())
print(3 != Both())
