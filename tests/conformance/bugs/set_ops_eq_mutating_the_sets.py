# set operations whose key comparisons (__eq__) clear either set (test_set TestBinaryOpsMutating, bpo-46615):
# refheap read freed tables and keys and the JVM crashed; the lookups now hold each key compared and restart
# when the table changed, as 3.11 does.
import sys
from random import randrange, seed
seed(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
def make(c1, c2):
    class Bad:
        def __eq__(self, other):
            if not enabled:
                return False
            if randrange(20) == 0:
                set1.clear()
            if randrange(20) == 0:
                set2.clear()
            return bool(randrange(2))
        def __hash__(self):
            return randrange(2)
    enabled = False
    set1 = c1(Bad() for _ in range(randrange(50)))
    set2 = c2(Bad() for _ in range(randrange(50)))
    enabled = True
    return set1, set2
def ia(a, b): a &= b
def io(a, b): a |= b
def isub(a, b): a -= b
def ix(a, b): a ^= b
def it(a, b):
    for x, y in zip(a, b): pass
ops = {'eq': lambda a, b: a == b, 'ne': lambda a, b: a != b, 'lt': lambda a, b: a < b, 'le': lambda a, b: a <= b,
       'gt': lambda a, b: a > b, 'ge': lambda a, b: a >= b, 'and': lambda a, b: a & b, 'or': lambda a, b: a | b,
       'sub': lambda a, b: a - b, 'xor': lambda a, b: a ^ b, 'iand': ia, 'ior': io, 'isub': isub, 'ixor': ix, 'iter': it,
       'isdisjoint': lambda a, b: a.isdisjoint(b), 'issubset': lambda a, b: a.issubset(b), 'update': lambda a, b: a.update(b),
       'intersection_update': lambda a, b: a.intersection_update(b), 'difference': lambda a, b: a.difference(b),
       'symmetric_difference_update': lambda a, b: a.symmetric_difference_update(b), 'contains': lambda a, b: [x in a for x in list(b)],
       'remove': lambda a, b: [a.discard(x) for x in list(b)], 'list': lambda a, b: a.intersection(list(b)),
       'dict': lambda a, b: a.difference(dict.fromkeys(b)), 'fs': lambda a, b: frozenset(a) == frozenset(b)}
only = sys.argv[2:] or list(ops)
for name in only:
    for _ in range(25):
        s1, s2 = make(set, set)
        try:
            ops[name](s1, s2)
        except RuntimeError as e:
            assert "changed size during iteration" in str(e), e
    print(name, 'ok', flush=True)
