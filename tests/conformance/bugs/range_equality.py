# bug: range(0, 10, 2) == range(0, 10, 2) was False (ranges compared by identity); hash follows range_hash
print(range(0, 10, 2) == range(0, 10, 2), range(0) == range(5, 5), range(1, 2, 3) == range(1, 2, 9), range(3) != range(3))
print(hash(range(3)) == hash(range(0, 3)), hash(range(3)), hash(range(0, 9, 2)), hash(range(4, 5, 7)) == hash(range(4, 5)))
print({range(3): 'a'}[range(0, 3, 1)], range(3) == [0, 1, 2])
