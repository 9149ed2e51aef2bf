a = b = c = 1
x, y = 1, 2
x, y = y, x
a, *b, c = seq
[d, e] = f
(g, (h, i)) = j
k.attr = 1
k[0] = 2
k[1:2] = 3
del k.attr, k[0], k[1:2:3]
del a, b
n += 1
k.attr -= 2
k[i] *= 3
x, y, z = z, y, x
t = ()
u = (1,)
v = [*a, *b]
w = {**d1, 'k': 1, **d2}
s = {*a, 1}
q = {'a': 1, 'b': 2}
r = {1: x, 2: y}
sl = a[1:2], a[::2], a[:], a[1:2, 3]
