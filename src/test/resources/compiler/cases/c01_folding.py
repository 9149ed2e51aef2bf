a = 'hello' + ' world'
b = -5
c = 2 ** 10
d = (1, 2, (3, 4))
e = x in [1, 2, 3]
f = x not in (4, 5)
g = [1, 2, 3]
h = 1 / 3, 7 // 2, -7 // 2, 7 % -3, 2 ** -1, 1 << 10, -1 >> 1, 5 & 3, 5 | 3, 5 ^ 3, ~5
i = 'ab' * 3, (1,) * 3, b'x' + b'y', 'abc'[1], (1, 2)[-1], 1.5 * 2, 3.0 // 2, -3.5 % 2
j = not 0, -True, +False, ~True, True + True, True & False
k = 2 ** 200, 1 << 200, 'x' * 5000, 1 / 0, 'a' % 2
l = not (p is q), not (p in q), not (p == q)
m = __debug__
for z in [1, 2]:
    pass
n = [w for w in [1, 2, 3] if w in [2, 3]]
o = 0.1 + 0.2, 1e300 * 1e10, 10 ** 0.5
