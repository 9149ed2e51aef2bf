# a member_descriptor: 64 bytes with its GC head, tracked, refers to its class; __get__/__set__/__delete__
import sys, gc
class P:
    __slots__ = ('x',)
m = P.__dict__['x']
print(type(m).__name__, sys.getsizeof(m), gc.is_tracked(m), gc.get_referents(m) == [P])
p = P()
m.__set__(p, 5)
print(m.__get__(p, P), p.x, m.__get__(None, P) is m)
m.__delete__(p)
print(hasattr(p, 'x'))
try:
    m.__get__(1, int)
except TypeError as e:
    print(e)
