# Builtins that take an integer (PyIndex_Check / PyLong_Check) accept an int subclass's instance:
# they checked the exact type and raised "cannot be interpreted as an integer".
import sys


class I(int):
    pass


ba = bytearray(b'abcdef')
print(ba[I(1)], bytearray(I(3)), bytes(I(2)), b'ab' * I(2), ba * I(2))
ba[I(0)] = I(65)
print(ba, ba.count(I(98)), b'abc'.index(I(99)), I(66) in ba)
print([1, 2, 3][I(1)], 'xyz'[I(2)], (1, 2)[I(0)], range(I(3)), list(range(I(1), I(7), I(2))))
print(chr(I(65)), hex(I(255)), bin(I(5)), oct(I(8)), round(2.567, I(1)), divmod(I(7), 2), abs(I(-3)))


class L:
    def __len__(self):
        return I(4)

    def __hash__(self):
        return I(12)


print(len(L()), hash(L()), sys.getsizeof(I(1)) == sys.getsizeof(1) + 8)
