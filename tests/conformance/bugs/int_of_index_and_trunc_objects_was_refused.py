# int(x) is PyNumber_Long: __int__, then __index__, then __trunc__ (3.11 warns that delegating to
# __trunc__ is deprecated), then text and buffers. refheap's int() knew only __int__, so int() of an
# object with only __index__ or __trunc__ was TypeError. int()'s base goes through __index__ and a
# base past a C ssize_t is the range ValueError, not OverflowError.
import warnings


def show(f, *args):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            r = f(*args)
            print(type(r).__name__, r, end=' ')
        except Exception as e:
            print(type(e).__name__, e, end=' ')
    print([(x.category.__name__, str(x.message)) for x in w])


class Index:
    def __index__(self):
        return 7


class IndexBool:
    def __index__(self):
        return True


class IndexStr:
    def __index__(self):
        return 'seven'


class Trunc:
    def __trunc__(self):
        return 42


class TruncIndex:
    def __trunc__(self):
        return Index()


class TruncBool:
    def __trunc__(self):
        return True


class TruncStr:
    def __trunc__(self):
        return 'x'


class TruncRaises:
    def __trunc__(self):
        1 / 0


class IntAndIndex:
    def __int__(self):
        return 1

    def __index__(self):
        return 2


class IndexAndTrunc:
    def __index__(self):
        return 3

    def __trunc__(self):
        return 4


class StrWithIndex(str):
    def __index__(self):
        return 5


class Nothing:
    pass


for o in (Index(), IndexBool(), IndexStr(), Trunc(), TruncIndex(), TruncBool(), TruncStr(), TruncRaises(),
          IntAndIndex(), IndexAndTrunc(), StrWithIndex('9'), Nothing(), [1], None):
    show(int, o)

print(type(int(TruncBool())) is int, type(int(IndexBool())) is int)

# the base
for base in (Index(), IndexBool(), 2**100, -2**100, 2**64, -1, 1, 37, 0, 36, 5.0, '10', IndexStr(), True):
    show(int, '101', base)
show(int, 5, 'x')
show(int, 5, 10)
show(int, b'ff', 16)
show(int, bytearray(b'0x1f'), 0)
show(lambda: int('11', base=Index()))
