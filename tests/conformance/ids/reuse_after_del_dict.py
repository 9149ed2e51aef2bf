# A freed dict is reused by the next dict; dict(x=1) builds its kwargs dict first, and that one takes the freed block.
d = {'a': 1}
i = id(d)
del d
e = {}
print(id(e) == i)
del e
f = dict(x=1)
print(id(f) == i)
j = id(f)
del f
g = {k: k for k in range(3)}
print(id(g) == j)
