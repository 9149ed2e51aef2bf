# a property is 80 bytes with its GC head, tracked; referents fget, fset, fdel, doc, name
import sys, gc
def g(self):
    return 1
def s(self, v):
    pass
p = property(g, s)
print(sys.getsizeof(p), gc.is_tracked(p), gc.get_referents(p) == [g, s])
class C:
    prop = property(g)
print(gc.get_referents(C.__dict__['prop']) == [g, 'prop'])
try:
    C().prop = 3
except AttributeError as e:
    print(e)
try:
    p.__set__(C(), 1)
    print('set ok')
except AttributeError as e:
    print(e)
try:
    del C().prop
except AttributeError as e:
    print(e)
