# Free lists are LIFO: the last list freed is the first one handed out again.
a = [1]
b = [2]
c = [3]
ia, ib, ic = id(a), id(b), id(c)
del a
del c
del b
x = []
y = []
z = []
print(id(x) == ib, id(y) == ic, id(z) == ia)
