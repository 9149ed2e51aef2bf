# Freeing a very deep chain of nested containers does not overflow the C stack (trashcan).
import sys
x = None
for i in range(200000):
    x = [x]
print(sys.getrefcount(x))
del x
y = None
for i in range(200000):
    y = (y, i)
del y
z = {}
for i in range(100000):
    z = {'k': z}
del z
print('survived')
