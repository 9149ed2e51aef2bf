# an exception subclass: the exception's layout plus __weakref__ (or its slots); referents: slots, class, then the exception's
import sys, gc
class F(Exception):
    pass
class S(Exception):
    __slots__ = ('a',)
f = F('x')
f.b = 3
print(sys.getsizeof(f), sys.getsizeof(S()), sys.getsizeof(Exception()))
print(gc.get_referents(f))
s = S('y')
s.a = 5
print(gc.get_referents(s))
s.other = 1
print(s.other, s.__dict__)
