# Two instances referring to each other count 2 (attributes are inline); touching __dict__ makes it 4.
import gc
gc.collect()
class A:
    pass
a = A()
b = A()
a.other = b
b.other = a
del a, b
print(gc.collect())
c = A()
d = A()
c.other = d
d.other = c
print(len(c.__dict__), len(d.__dict__))
del c, d
print(gc.collect())
