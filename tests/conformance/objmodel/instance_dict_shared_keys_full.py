# after 30 attribute names the shared keys are full: a new name gives the instance a combined dict
import sys, gc
class K:
    pass
k = K()
for i in range(35):
    setattr(k, 'a%d' % i, i)
print(sys.getsizeof(k.__dict__), len(vars(k)))
k2 = K()
k2.a0 = 1
print(sys.getsizeof(k2.__dict__))
k3 = K()
k3.newname = 1
refs = gc.get_referents(k3)
print(type(refs[0]).__name__, refs[-1] is K)
print(list(vars(k))[:3], list(vars(k))[-1])
