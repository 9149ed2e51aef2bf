# range and slice slot wrappers and methods through the type
r = range(0, 10, 2)
print(range.__len__(r), range.__getitem__(r, 2), range.__contains__(r, 4), range.__bool__(range(0)), list(range.__iter__(r)))
print(range.__eq__(r, range(0, 10, 2)), range.__lt__(r, r), range.count(r, 4), range.index(r, 6))
s = slice(1, 5)
print(slice.__eq__(s, slice(1, 5)), slice.__lt__(s, slice(2, 3)), slice.indices(s, 3), slice.__hash__)
