a = 1 + 2 * 3 - 4 / 5 // 6 % 7 ** 8
b = -a + +a - ~a
c = a << 2 >> 1 | 3 & 4 ^ 5
d = not a and b or c
e = a if b else c if d else e
f = 1 < a <= 2 != b == c > d >= e
g = a is b is not c in d not in e
h = a @ b
i = 2 ** -1
j = -2 ** 2
k = (a or b) and (c or d)
l = not not a
a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 3; a **= 2
a <<= 1; a >>= 1; a |= 1; a &= 1; a ^= 1; a @= b
