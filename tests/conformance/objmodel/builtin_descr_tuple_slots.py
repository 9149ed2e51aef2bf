# tuple's slot wrappers and methods through the type
t = (1, 2, 3)
print(tuple.__len__(t), tuple.__getitem__(t, -1), tuple.__contains__(t, 2), tuple.__add__(t, (4,)), tuple.__mul__(t, 2))
print(tuple.__hash__(t) == hash(t), tuple.__eq__(t, (1, 2, 3)), tuple.__lt__(t, (1, 3)), tuple.__eq__(t, [1, 2, 3]))
print(tuple.index(t, 3), tuple.count(t, 1), list(tuple.__iter__(t)), tuple.__repr__((1,)))
