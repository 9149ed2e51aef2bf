# get_stats() is a list of 3 dicts with keys collections, collected, uncollectable, updated by each collection.
import gc
s = gc.get_stats()
print(type(s).__name__, len(s))
print([sorted(d.keys()) for d in s])
before = gc.get_stats()
a = []
a.append(a)
del a
gc.collect(1)
after = gc.get_stats()
for g in range(3):
    print(g, after[g]['collections'] - before[g]['collections'],
          after[g]['collected'] - before[g]['collected'],
          after[g]['uncollectable'] - before[g]['uncollectable'])
