# A set that contains an instance which refers back to the set: 2 objects.
import gc
gc.collect()
class A:
    pass
s = set()
a = A()
a.owner = s
s.add(a)
del s, a
print(gc.collect())
