# list's methods and slots on a subclass instance: results of +, *, slicing and copy() are lists;
# += and *= change the instance; comparisons, sorting, unpacking and iteration are list's.
class L(list):
    pass


l = L([3, 1, 2])
l.append(4)
l.extend((5, 6))
l.insert(0, 0)
print(l, len(l), l[0], l[-1], l.index(4), l.count(1), 2 in l, bool(L()), repr(l))
print(type(l[1:3]).__name__, l[::2], type(l + [7]).__name__, type([7] + l).__name__, type(l * 2).__name__, type(2 * l).__name__)
print(type(l.copy()).__name__, l.pop(), l.pop(0), l)
l.remove(1)
l.reverse()
print(l)
l.sort()
print(l, sorted(L([2, 1])), max(l), min(l), sum(l))
l += [9]
l *= 2
print(type(l).__name__, l)
l[0] = 'x'
l[1:3] = ['a', 'b', 'c']
del l[-1]
del l[::3]
print(l)
print(L([1, 2]) == [1, 2], [1, 2] == L([1, 2]), L([1]) < [2], [1, 3] > L([1, 2]), L() == L())
a, *b = L([1, 2, 3])
print(a, b, [v * 2 for v in L([1, 2])], list(reversed(L([1, 2]))), tuple(L('ab')))


def f(*args):
    return args


print(f(*L([1, 2])), list(L([1, 2])), list.__len__(L([1])), list.__getitem__(L([5]), 0))
try:
    hash(L())
except TypeError as e:
    print('TypeError', e)
l.clear()
print(l, len(l))
