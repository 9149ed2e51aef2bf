# dict.setdefault hashes the key once and looks it up once (PyDict_SetDefault), inserting into the
# slot that lookup found, so __eq__ runs at most once; refheap looked the key up and then inserted
# with a second lookup (two __eq__ calls on a colliding key).
class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0

    def __hash__(self):
        self.hash_count += 1
        return 42

    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)


h1 = Hashed()
y = {h1: 5}
h2 = Hashed()
r = y.setdefault(h2, [])
print(r, h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count, len(y))
r = y.setdefault(h2, 'other')
print(r, h2.hash_count, h1.eq_count + h2.eq_count, len(y))
print(y.setdefault(h1), y[h1])

d = {}
print(d.setdefault('a'), d.setdefault('a', 1), d.setdefault(1, 2), d)
import gc
d = {}
d.setdefault('k', [])
print(gc.is_tracked(d))
e = {}
e.setdefault(1, 2)
print(gc.is_tracked(e))
class K:
    pass
o = K()
o.__dict__.setdefault('x', 1)
o.__dict__.setdefault('y', [2])
print(o.x, o.y, o.__dict__)
try:
    {}.setdefault([], 1)
except TypeError as e:
    print('TypeError', e)
# many insertions through setdefault resize as insertion does
d = {}
for i in range(100):
    d.setdefault(i, i * i)
print(len(d), d[99], sum(d.values()))
