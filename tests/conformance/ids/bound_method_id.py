# o.m makes a new bound method each time: two live ones differ, but a dead one's block is reused.
class A:
    def m(self):
        return 1
o = A()
print(o.m is o.m)
print(id(o.m) == id(o.m))
m1 = o.m
m2 = o.m
print(m1 is m2, m1 == m2)
