# complex(x) of an object with only __index__ was refused (3.11's PyFloat_AsDouble falls back to it), and complex('1_j')-style strings with an underscore not between two digits were accepted
class MyIndex:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


print(complex(MyIndex(42)), complex(123, MyIndex(42)), complex(MyIndex(-3), MyIndex(4)))
for args in [(MyIndex(2 ** 2000),), (123, MyIndex(2 ** 2000)), (MyIndex("x"),), (object(),)]:
    try:
        complex(*args)
    except Exception as e:
        print(type(e).__name__, e)

for s in ["1_2j", "1_0.5_0", " (1_2+3_4j) ", "1e1_0j", "1_2", "1_2x",
          "1_j", "1_.5j", "1._5j", "1e_5j", "_1j", "1j_", "(1_j)", "1__2j", "1+_2j", "1_+2j", "0_7", "09_99", "1_2 "]:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)

# __complex__ comes first for the real part, a complex subclass's too; never for the imaginary part
import warnings


class complex0(complex):
    def __complex__(self):
        return 42j


class complex1(complex):
    def __new__(cls, value=0j):
        return complex.__new__(cls, 2 * value)

    def __complex__(self):
        return self


class complex2(complex):
    def __complex__(self):
        return None


class Sub(complex):
    pass


class OnlyComplex:
    def __complex__(self):
        return 1 + 2j


print(complex(complex0(1j)), complex(Sub(1 + 2j), 3), complex(3, Sub(1 + 2j)), complex(Sub(1 + 2j), Sub(5j)))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(complex(complex1(1j)), [str(x.message)[:40] for x in w])
for args in [(complex2(1j),), (1, OnlyComplex()), (OnlyComplex(), 2), (OnlyComplex(),)]:
    try:
        print(complex(*args))
    except TypeError as e:
        print("TypeError", e)
