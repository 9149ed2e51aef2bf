# A builtin number's slot takes an instance of a subclass of a number it accepts before that instance's
# reflected method is asked: 1.5 + MyInt(2) is 3.5 (float_add converts ints) though MyInt defines __radd__
class MyInt(int):
    def __radd__(self, o): return 'MyInt.radd'
    def __rmul__(self, o): return 'MyInt.rmul'
class MyFloat(float):
    def __radd__(self, o): return 'MyFloat.radd'
print(1.5 + MyInt(2), 1 + MyFloat(2.0), [1] * MyInt(2), 'ab' * MyInt(2), 2.5 * MyInt(2))
class MyList(list):
    def __radd__(self, o): return 'MyList.radd'
print((1,) + MyList([2]) if False else 'skip')
class MyComplex(complex):
    def __radd__(self, o): return 'MyComplex.radd'
print(1 + MyComplex(1), 1.5 + MyComplex(1), 1j + MyInt(1), 1j + MyFloat(1.0), True + MyInt(1), MyInt(1) + 1.5)
print(2 ** MyInt(3) if False else 'x', 7 // MyInt(2), 7.0 % MyInt(4), divmod(7.5, MyInt(2)))
class MyIntR(int):
    def __rpow__(self, o): return 'rpow'
    def __rtruediv__(self, o): return 'rtruediv'
print(2.0 ** MyIntR(3), 3.0 / MyIntR(2), 3 / MyIntR(2), 2 ** MyIntR(3))
