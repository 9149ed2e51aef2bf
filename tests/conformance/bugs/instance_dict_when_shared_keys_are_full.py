# Bug (found by the memory fuzzer): a class's shared keys had no limit, so an instance never got a dict; 3.11 takes one usable key off per instance made and per name added, and with none left a new attribute name gives the instance a real dict (a GC object: counts and collections differ).
import gc
gc.freeze(); gc.collect()
class K:
    def __init__(self, tag):
        self.tag = tag
for i in range(26):
    x = K(i)
    x.a = [x]
v = K(6)
v.b = v
counts = [gc.get_count()[0]]
for i in range(7):
    x = K(100 + i)
    x.me = x
    counts.append(gc.get_count()[0])
x = None
found = gc.collect()
many = K(2)
before = gc.get_count()[0]
for i in range(40):
    setattr(many, 'a%d' % i, i)
after = gc.get_count()[0]
print('counts while the keys run out', counts)
print('collected', found)
print('a dict for many attributes', after - before, len(many.__dict__), many.a39)
