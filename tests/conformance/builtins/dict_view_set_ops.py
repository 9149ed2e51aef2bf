# set operations on dict keys and items views give sets; comparisons are set comparisons
d = {1: "a", 2: "b", 3: "c"}
k = d.keys()
print(k & {2, 3, 4}, k | {4}, k - {1}, k ^ {3, 4}, {2, 9} & k, {0} | k, k & [1, 5], [1, 7] - k, k - k)
print(type(k & {1}).__name__, type(k | k).__name__, sorted(k ^ d.keys()), len(k & range(100)))
items = {1: 10, 2: 20}.items()
print(items & {(1, 10), (2, 99)}, items - {(1, 10)}, items | {(3, 30)}, items ^ {(2, 20), (4, 40)})
print(k.isdisjoint({7}), k.isdisjoint([1]), items.isdisjoint([(1, 10)]), items.isdisjoint([(1, 11)]))
print(k == {1, 2, 3}, {1, 2, 3} == k, k != {1}, k < {1, 2, 3, 4}, k <= {1, 2, 3}, k > {1}, k >= k, k == [1, 2, 3])
print(items == {(1, 10), (2, 20)}, {1: 1}.keys() == {1: 2}.keys(), {}.keys() == set(), {1: 1}.values() == {1: 1}.values())
for bad in [lambda: k & 1, lambda: d.values() & {1}, lambda: k - None]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
