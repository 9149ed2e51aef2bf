# classes made by type() have the same layout and sizes as class statements, slots included
import sys
P = type('P', (), {'__slots__': ('x', 'y')})
Q = type('Q', (P,), {})
print(sys.getsizeof(P()), sys.getsizeof(Q()), type(P.__dict__['x']).__name__)
p = P()
p.x = 1
print(p.x, hasattr(p, '__dict__'), hasattr(Q(), '__dict__'))
