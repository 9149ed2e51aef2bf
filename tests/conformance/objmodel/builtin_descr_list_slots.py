# list's slot wrappers and method descriptors called through the type
l = [3, 1, 2]
print(list.__len__(l), list.__getitem__(l, 0), list.__contains__(l, 2), list.__contains__(l, 9))
list.__setitem__(l, 0, 30)
list.__delitem__(l, 1)
print(l, list.__add__(l, [4]), list.__mul__(l, 2), list.__rmul__(l, 2))
print(list.__iadd__(l, [5]) is l, l, list.__imul__(l, 2) is l, l)
print(list(list.__iter__([7, 8])), list.__eq__([1], [1]), list.__lt__([1], [2]), list.__eq__([1], (1,)))
list.append(l, 'x')
print(l[-1], list.index(l, 'x'), list.count(l, 30), list.pop(l))
m = [9]
print(list.__init__(m, 'ab'), m)
print(list.__repr__([1, 'a']), list.__hash__)
try:
    list.__add__([], ())
except TypeError as e:
    print(e)
