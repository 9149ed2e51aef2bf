# PyFloat_AsDouble (math's functions, struct's 'd'...) checks what __float__ returns:
# a float subclass's value with 3.11's DeprecationWarning, anything else TypeError naming the
# object's type; refheap's native modules took an int (or anything numeric) silently, and called a
# float subclass's own __float__ where PyFloat_Check reads its value.
import math
import struct
import warnings


class GivesInt:
    def __float__(self):
        return 4


class F(float):
    pass


class GivesSub:
    def __float__(self):
        return F(2.25)


class GivesStr:
    def __float__(self):
        return "1.5"


for fn in (math.sqrt, math.floor, math.isfinite):
    for obj in (GivesInt(), GivesStr()):
        try:
            fn(obj)
            print("accepted", type(obj).__name__)
        except TypeError as e:
            print("TypeError:", e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(math.sqrt(GivesSub()), struct.unpack('d', struct.pack('d', GivesSub())))
    for x in w:
        print(x.category.__name__, x.message)

# a float subclass instance itself is read as it is, its __float__ not called
class Odd(float):
    def __float__(self):
        return 99.0


print(math.sqrt(Odd(16.0)), float(Odd(16.0)))
