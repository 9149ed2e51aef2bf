# Arithmetic results land in the small-int cache only when they are in -5..256.
a = 200
b = 56
print(a + b is 256 + 0 * a)
c = a + b
d = a + b
print(c is d)
e = c + 1
f = d + 1
print(e is f, e == f)
g = -a // 40
h = -a // 40
print(g, g is h)
k = g - 1
m = h - 1
print(k, k is m)
