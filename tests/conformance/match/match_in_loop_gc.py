# match: class patterns allocate and free their temporary set, list and tuple; nothing leaks over many matches.
import gc
import sys

class P:
    __match_args__ = ("a", "b")
    def __init__(self, a, b):
        self.a = a
        self.b = b

objs = [P(i, i * 2) for i in range(50)]
total = 0
for o in objs:
    match o:
        case P(a, b=b) if a % 2:
            total += b
        case P(a):
            total -= a
print(total)
print(sum(1 for o in gc.get_objects() if type(o) is P))
print(sys.getrefcount(objs[0]))
