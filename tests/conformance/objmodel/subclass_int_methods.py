# int's operations on a subclass instance give exact ints (int.__add__ returns int, not the
# subclass); repr, str, format, hash, comparisons, indexing, int() and float() are int's.
class I(int):
    pass


a = I(6)
b = I(4)
for r in (a + b, a - 1, 2 * a, a // b, a % b, a ** 2, -a, +a, ~a, abs(I(-3)), a << 1, a >> 1, a & 3, a | 1, a ^ 5, divmod(a, b)):
    print(type(r).__name__, r)
print(a / b, type(a / 2.0).__name__, a == 6, 6 == a, a < 7, a >= b, a != b, hash(a) == hash(6), {a: 'x'}[6])
print(repr(a), str(a), f'{a}', f'{a:05d}', '%d' % a, format(a, 'x'), hex(a), bin(a), oct(a))
print(int(a), type(int(a)).__name__, float(a), bool(I(0)), bool(a))
print([10, 20, 30, 40, 50, 60, 70][a], 'abcdefg'[b:a], list(range(I(3))), round(a), a.bit_length(), a.to_bytes(2, 'big'))
print(I('12'), I('ff', 16), I(3.9), I(), I(True), type(I(5) + I(5)).__name__)
x = I(5)
x += 1
print(type(x).__name__, x)
print(sorted([I(3), 1, I(2)]), max(I(1), I(9)), sum([I(1), I(2)]))


class Label(int):
    def __new__(cls, value, label):
        self = super().__new__(cls, value)
        self.label = label
        return self

    def __repr__(self):
        return f'Label({int(self)}, {self.label!r})'


l = Label(3, 'three')
print(l, l + 1, l.label, [l], str(l), int.__repr__(l))


class Add(int):
    def __add__(self, other):
        return 'add'

    def __neg__(self):
        return 'neg'


print(Add(1) + 1, 1 + Add(1), -Add(1), Add(2) * 3)


class Flag(int):
    def __or__(self, other):
        return Flag(int(self) | int(other))


f = Flag(1) | Flag(2)
print(type(f).__name__, f, int.__or__(Flag(1), 4), int.__add__(I(1), 2), int.__eq__(I(1), 1), int.__hash__(I(2)) == 2)
