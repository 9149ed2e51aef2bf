# id() of an object never changes during its lifetime, even when a list grows or a dict resizes.
l = []
i = id(l)
for k in range(1000):
    l.append(k)
print(id(l) == i)
d = {}
j = id(d)
for k in range(1000):
    d[k] = k
print(id(d) == j)
s = set()
m = id(s)
for k in range(1000):
    s.add(k)
print(id(s) == m)
