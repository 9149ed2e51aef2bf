# __slots__ = ('x', 'y'): no __dict__, member descriptors, getsizeof 48 (16-byte header, two slots, GC head)
import sys, gc
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(sys.getsizeof(p))
print(hasattr(p, '__dict__'), hasattr(p, '__weakref__'))
print(type(P.x).__name__, repr(P.x), repr(P.y))
print(P.x.__get__(p), p.x, p.y)
print(gc.is_tracked(p))
print(list(P.__dict__.keys()))
print(P.__slots__)
