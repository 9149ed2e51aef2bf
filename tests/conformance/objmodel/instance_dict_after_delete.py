# deleting attributes keeps a materialized instance dict split; its size follows the class's shared keys
import sys
class C:
    pass
c = C()
c.a, c.b, c.c = 1, 2, 3
d = c.__dict__
s1 = sys.getsizeof(d)
del c.a
del d['b']
s2 = sys.getsizeof(d)
c.a = 4
print(s1 == s2, sys.getsizeof(d) == s1, list(d))
