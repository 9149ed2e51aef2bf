# An operand whose type has __index__ repeats a sequence (list, tuple, str, bytes, bytearray, and
# in place), indexes a bytearray and is slice.indices' length; operator.index of an int subclass is
# the int itself (its own __index__ is not called); an __index__ returning an int subclass is
# taken with a DeprecationWarning; slice bounds past the index range clamp to it.
import operator
import sys
import warnings


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


three = Idx(3)
for seq in ([1, 2], (1, 2), 'ab', b'ab', bytearray(b'ab')):
    print(seq * three, three * seq, seq.__mul__(three), seq.__rmul__(three))
l = [0]
l *= Idx(2)
print(l)
ba = bytearray(b'xyz')
ba *= Idx(2)
print(ba, ba[Idx(1)], ba[Idx(-1)])
print(slice(None).indices(Idx(5)), slice(1, None, 2).indices(Idx(7)))
for bad in (1.5, 'x', None):
    try:
        [1] * bad
    except TypeError as e:
        print(e)


class MyInt(int):
    def __index__(self):
        return int(str(self)) + 1


m = MyInt(7)
print(m.__index__(), operator.index(m), type(operator.index(m)).__name__, [0, 1, 2, 3, 4, 5, 6, 7, 8][m])


class BadInt:
    def __index__(self):
        return True


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(operator.index(BadInt()), type(operator.index(BadInt())).__name__, [1, 2] * BadInt())
    print([str(x.message) for x in w][:1], [x.category.__name__ for x in w])


class BadInt2(int):
    def __index__(self):
        return True


print(operator.index(BadInt2()))


class GetItem:
    def __getitem__(self, key):
        return key


x = GetItem()
big = sys.maxsize * 4
print(x[-big:big].indices(sys.maxsize), x[-big:big:1].indices(sys.maxsize), slice(-2 ** 100, 2 ** 100).indices(10))
print([1, 2, 3][-big:big], 'abc'[-big:big:-1], [1, 2, 3].index(2, -big, big), 'abcb'.find('b', -big, big))
