# divmod for ints, floats, mixed operands, signs and zero, and through __divmod__/__rdivmod__
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (2 ** 70, 3), (-(2 ** 70), 7)]:
    print(a, b, divmod(a, b), (a // b, a % b) == divmod(a, b))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (1, 0.1), (0.0, -1.0), (-0.0, 1.0), (1e308, 1e-308), (5, 2.5)]:
    print(a, b, divmod(a, b), a // b, a % b)
class D:
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
print(divmod(D(), 3), divmod(3, D()))
for bad in [lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod(1j, 1), lambda: divmod("a", 1), lambda: divmod(1)]:
    try:
        bad()
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__ + ":", e)
