# range over ints past a C long works as any other in 3.11. refheap refused slicing, count() and
# index() of such a range by name, computed the length of a range whose span passes a C long in
# wrapped long arithmetic (len(range(-sys.maxsize, sys.maxsize, 2)) was 0, `x in` it False, its
# iterator empty), and refused arguments whose __index__ gives a big int.
import sys


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


M = sys.maxsize
big = range(-M, M)
show('len', lambda: len(big))
show('in', lambda: (-M in big, M in big, 0 in big, M - 1 in big))
show('len step 2', lambda: len(range(-M, M, 2)))
show('len step -3', lambda: len(range(M, -M, -3)))
show('first', lambda: next(iter(range(-4294967298, 9223372036854775806, 1))))
show('hint', lambda: iter(range(-4294967298, 9223372036854775806, 1)).__length_hint__())
show('reversed', lambda: next(reversed(range(-M, M, 7))))
show('index', lambda: big.index(M - 1))
show('count', lambda: (big.count(M - 1), big.count(M), big.count(True)))
show('slice', lambda: big[::2])
show('slice2', lambda: big[10:-10:3])
show('slice3', lambda: big[::-1])
show('item', lambda: (big[-1], big[0], big[M]))

huge = range(2**100, 2**101, 3)
show('huge len', lambda: len(huge))
show('huge index', lambda: huge.index(2**100 + 3 * 12345))
show('huge not in', lambda: huge.index(2**100 + 1))
show('huge count', lambda: (huge.count(2**100 + 3), huge.count(2**100 + 4), huge.count(5)))
show('huge slice', lambda: huge[5:2**90:7])
show('huge slice neg', lambda: huge[-3::-2])
show('huge slice of slice', lambda: huge[::5][::-3][10])
show('huge item', lambda: huge[2**80])
show('huge item out', lambda: huge[2**100])
show('huge neg item', lambda: huge[-2**80])


class I:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


show('index args', lambda: list(range(I(2**64), I(2**64 + 3))))
show('index step', lambda: range(0, 10, I(3)))
show('index item', lambda: (range(10)[I(3)], huge[I(1)], big[I(-1)]))
show('bad item', lambda: range(10)[1.5])
show('bad item big', lambda: huge['x'])
show('bool arg', lambda: range(True, 5))
show('float arg', lambda: range(1.0))
show('zero step', lambda: range(0, 2**70, I(0)))

# count and index of what is not an int compare with ==
class Eq:
    def __eq__(self, other):
        return other == 7

    __hash__ = None


show('count eq', lambda: (range(10).count(Eq()), range(10).count(7.0), range(10).count('7')))
show('index eq', lambda: (range(10).index(Eq()), range(10).index(7.0)))
show('index miss', lambda: range(10).index(7.5))
show('index miss int', lambda: range(10).index(17))
# items near the ends of a C long
edge = range(M - 10, M)
show('edge', lambda: (edge[::3], edge.index(M - 1), M - 1 in edge, list(edge[-2:])))
neg = range(-M - 1, -M + 5)
show('neg edge', lambda: (len(neg), neg[0], neg.index(-M - 1), list(neg[::2]), -M - 1 in neg, -M - 2 in neg))
show('contains wide', lambda: (M in range(-M - 1, M + 1, 2), -M in range(-M - 1, M + 1, 2), M - 1 in range(-2, M, M - 1)))
