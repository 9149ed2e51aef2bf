# pow(base, exp, mod) with int subclass instances took the TypeError for non-integers: the checks
# looked at the exact type, and int.__pow__ found through the class's mro was called as an override.
class I(int):
    pass


class P(int):
    def __pow__(self, exp, mod=None):
        return ('P.__pow__', int(self), exp, mod)


print(pow(I(2), 3, 5), type(pow(I(2), 3, 5)).__name__, pow(2, I(3), I(5)), pow(I(3), -1, I(7)), pow(I(10), I(2)))
print(pow(P(2), 3, 5), pow(P(2), 3))
try:
    pow(I(2), 3.0, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    pow(I(2), 3, I(0))
except ValueError as e:
    print('ValueError:', e)
