# A float computed at run time is freed to the float free list and reused by the next float.
x = 2.5
y = x * 3.0
i = id(y)
del y
z = x + 1.0
print(id(z) == i)
print(z)
