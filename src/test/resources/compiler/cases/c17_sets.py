a = {1, 2, 3}
b = {1, 2, 3, 4, 5}
c = x in {1, 2}
d = x not in {'a', 'b', 'c'}
for e in {3, 1, 2}:
    pass
f = {1, True, 1.0, 2}
g = {x, 1, 2}
h = [i for i in {4, 5}]
k = x in {1, y}
