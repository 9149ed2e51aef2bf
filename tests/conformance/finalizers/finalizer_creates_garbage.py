# A finalizer may allocate and create new cycles; those are left for a later collection.
import gc
gc.collect()
made = []
class A:
    def __del__(self):
        l = []
        l.append(l)
        made.append(1)
a = A()
a.me = a
del a
print(gc.collect())
print(len(made), gc.collect())
