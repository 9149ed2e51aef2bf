# pow with a modulus: results take the modulus's sign, a negative exponent is a modular inverse
print(pow(3, 4, 5), pow(3, 4, -5), pow(-3, 3, 7), pow(2, 100, 1000000007), pow(5, 0, 1), pow(7, 2, -1))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11), pow(-4, -1, 9), pow(3, -1, -7))
print(pow(2, 10), pow(2.0, 3), pow(2, -1), pow(base=2, exp=5), pow(2, 5, mod=3), pow(2, 3, None))
for bad in [lambda: pow(2, 3, 0), lambda: pow(2, -1, 4), lambda: pow(2.0, 3, 5), lambda: pow(2, 3.0, 5),
            lambda: pow("a", 2, 3), lambda: pow(1j, 2, 3)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class M:
    def __pow__(self, e, m=None):
        return ("pow", e, m)
print(pow(M(), 2, 5), pow(M(), 3))
