# dict lookups whose key comparison (__eq__) mutates or empties the dict: refheap kept reading the old
# table; 3.11 holds the compared key and restarts the lookup when the table or entry changed.
# dict lookups whose key comparison (__eq__) mutates or empties the dict being searched
import sys
from random import randrange, seed
seed(5)
class Bad:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __eq__(self, other):
        r = randrange(6)
        if r == 0:
            d.clear()
        elif r == 1:
            for i in range(20):
                d[Bad(1000 + i)] = i      # grows the table: a new keys object
        elif r == 2:
            d.pop(next(iter(d)), None) if d else None
        return bool(randrange(2))
results = []
for round in range(300):
    d = {Bad(i % 3): i for i in range(8)}
    k = Bad(randrange(3))
    op = round % 5
    try:
        if op == 0: results.append(k in d)
        elif op == 1: results.append(d.get(k, -1))
        elif op == 2: d[k] = 'x'; results.append(len(d))
        elif op == 3: results.append(d.pop(k, -1))
        else: results.append(d.setdefault(k, 'y'))
    except RuntimeError as e:
        results.append(str(e))
print(len(results), 'rounds without a crash')
# the deterministic cases: a key compared while __eq__ clears the dict
class C:
    def __hash__(self): return 1
    def __eq__(self, o):
        dd.clear()
        return False
dd = {C(): 1}
print(C() in dd, dd)
dd = {C(): 1}
dd[C()] = 2
print(len(dd))
