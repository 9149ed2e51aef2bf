# __slots__ with '__dict__': declared names go to slots, others to the managed dict
import sys, gc
class D:
    __slots__ = ('a', '__dict__')
d = D()
d.a = 1
d.b = 2
print(d.__dict__, d.a, sys.getsizeof(d))
print(gc.get_referents(d)[0], type(gc.get_referents(d)[1]).__name__)
print(vars(d))
