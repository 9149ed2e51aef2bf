# set and frozenset slot wrappers and __contains__ method descriptors
s = {1, 2}
f = frozenset([2, 3])
print(sorted(set.__or__(s, f)), sorted(set.__and__(s, f)), sorted(set.__sub__(s, f)), sorted(set.__xor__(s, f)))
print(set.__or__(s, [3]), frozenset.__and__(f, {3}), frozenset.__rsub__(f, {2, 9}))
print(set.__contains__(s, 1), frozenset.__contains__(f, 1), frozenset([1]).__contains__(1))
print(set.__len__(s), set.__eq__(s, {1, 2}), set.__le__({1}, s), set.__lt__(s, [1]))
print(sorted(set.__ior__(s, {5})), sorted(s), frozenset.__hash__(frozenset()) == hash(frozenset()))
