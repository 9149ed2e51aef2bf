# Bug: frozenset had none of the methods it shares with set (union, intersection, difference,
# symmetric_difference, issubset, issuperset, isdisjoint, copy): each raised NotImplementedError.
f = frozenset([1, 2])
print(f.union([3]), f.intersection([1]), f.difference([1]), f.symmetric_difference([2, 5]))
print(f.issubset([1, 2, 3]), f.issuperset([1]), f.isdisjoint([9]), f.copy() is f)
print(type(f.union([3])).__name__, set([1]).union(frozenset([2])))
