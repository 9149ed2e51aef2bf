# A set key that cannot be hashed is looked up as frozenset(key) by `in`, discard and remove (3.11's
# set_contains/set_discard/set_remove); refheap raised "unhashable type: 'set'". dict.fromkeys of an
# exact set or frozenset uses the hashes the set stored (no __hash__ call), as _PyDict_FromKeys does.
s = {frozenset({1, 2}), frozenset()}
print({1, 2} in s, set() in s, {3} in s)
s.discard({1, 2}); print(len(s))
try:
    s.remove({9})
except KeyError as e:
    print('KeyError', e)
s.remove(set()); print(s)
class S(set):
    pass
print(S([1, 2]) in {frozenset({1, 2})})
try:
    [] in {1}
except TypeError as e:
    print('TypeError', e)
class HashCountingInt(int):
    def __init__(self, *args):
        self.hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)
d = dict.fromkeys(map(HashCountingInt, range(10)))
count = lambda: sum(elem.hash_count for elem in d)
print('fromkeys', count())
for thetype in (set, frozenset):
    s = thetype(d); print('ctor', count())
    s.difference(d); print('difference', count())
    d2 = dict.fromkeys(set(d)); print('fromkeys(set)', count())
    d3 = dict.fromkeys(frozenset(d), 123); print('fromkeys(frozenset)', count(), d3 == dict.fromkeys(d, 123))
import sys
print(sys.getsizeof(dict.fromkeys(set(range(10)))) == sys.getsizeof(dict.fromkeys(frozenset(range(10)))))
