# A list freed by del goes to the list free list and the next new list takes that same address.
a = [1, 2, 3]
i = id(a)
del a
b = ['x']
print(id(b) == i)
c = [0]
print(id(c) == i)
