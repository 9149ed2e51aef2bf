# Freeing an object that has no free list (an instance) decrements count0; free-list types do not.
import gc
gc.collect()
class A:
    pass
c0 = gc.get_count()
objs = [A() for i in range(50)]
c1 = gc.get_count()
del objs
c2 = gc.get_count()
lists = [[] for i in range(50)]
c3 = gc.get_count()
del lists
c4 = gc.get_count()
print(c0, c1, c2, c3, c4)
