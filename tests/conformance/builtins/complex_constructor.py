# complex() from numbers, strings and objects with __complex__/__float__; CPython's errors
print(complex(), complex(2), complex(2.5), complex(1, 2), complex(1.5, -2.5))
print(complex(1j, 1j), complex(1 + 2j, 3), complex(2, 1j), complex(real=3, imag=4), complex(imag=2))
for s in ["1+2j", "  (3-4J) ", "-j", "j", "+1.5e3j", "inf", "-infj", "nan+nanj", "1_000j", "2", "(1)"]:
    print(repr(s), complex(s))
class C:
    def __complex__(self):
        return 5 + 6j
class F:
    def __float__(self):
        return 7.5
print(complex(C()), complex(F()))
z = 1 + 1j
print(complex(z) is z)
for bad in [lambda: complex("1+"), lambda: complex("j1"), lambda: complex("1", 2), lambda: complex(1, "2"),
            lambda: complex([]), lambda: complex(1, []), lambda: complex("")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
