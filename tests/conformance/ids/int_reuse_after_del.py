# Run-time ints outside the cache are new objects; a freed one's block is reused by the next int of that size.
base = 10 ** 6
a = base + 1
b = base + 1
print(a == b, a is b, id(a) == id(b))
i = id(a)
del a
c = base + 2
print(id(c) == i)
