a, b = 1, 2
(c, d) = [3, 4]
[e, f] = 5, 6
g, *h = range(5)
*i, j = range(5)
k, (l, m), n = 1, (2, 3), 4
x = y = z = 0
obj.attr = value
obj.a.b = 1
seq[0] = 1
seq[1:2] = [3]
seq[::2] = []
d["key"], d["other"] = 1, 2
for idx, (p, q) in enumerate(pairs):
    pass
for *start, last in rows:
    pass
t = 1,
u = *a, *b
del x, seq[0], obj.attr
del (y), [z]
del (a, b)
first, = [1]
