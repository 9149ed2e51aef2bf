# Tuples have one free list per length: a freed 2-tuple is reused by the next 2-tuple, not by a 3-tuple.
def pair(a, b):
    return (a, b)
def triple(a, b, c):
    return (a, b, c)
t = pair(1, 2)
i = id(t)
del t
u = triple(1, 2, 3)
print(id(u) == i)
v = pair(5, 6)
print(id(v) == i)
