# gc.get_referents of slotted instances: slots (sorted names, subclass first), then dict, then the class
import gc
class A:
    __slots__ = ('b', 'a')
class B(A):
    __slots__ = ('d', 'c')
class C(B):
    pass
o = C()
o.a = 'A'; o.b = 'B'; o.c = 'C'; o.d = 'D'
print(gc.get_referents(o)[:-1], gc.get_referents(o)[-1] is C)
o.e = 'E'
print(len(gc.get_referents(o)))
print(gc.get_referents(o)[:4])
x = A()
print(gc.get_referents(x) == [A])
x.b = [1]
print(gc.get_referents(x))
