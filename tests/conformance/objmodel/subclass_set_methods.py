# set's methods and operators on subclass instances: the results of |, &, -, ^ and copy() are
# set or frozenset (the base), the in-place operators change the instance, comparisons are
# set_richcompare's; a frozenset subclass hashes as a frozenset.
class S(set):
    pass


class F(frozenset):
    pass


s = S([1, 2, 3])
s.add(4)
s.discard(1)
s.remove(2)
print(sorted(s), len(s), 3 in s, 9 in s, bool(S()), repr(S()), repr(S([5])), repr(F([6])), repr(F()))
print(type(s | {9}).__name__, type({9} | s).__name__, type(s & {3}).__name__, type(s - {3}).__name__, type(s ^ {3}).__name__)
print(type(F([1]) | {2}).__name__, type(s.copy()).__name__, type(F([1]).copy()).__name__, type(s.union([7])).__name__)
s |= {10}
s -= {3}
print(type(s).__name__, sorted(s))
print(S([1]) == {1}, {1} == S([1]), S([1]) <= {1, 2}, S([1, 2]) > {1}, F([1]) == frozenset([1]), S([1]) == F([1]))
print(hash(F([1, 2])) == hash(frozenset([1, 2])), {F([1]): 'v'}[frozenset([1])])
try:
    hash(S())
except TypeError as e:
    print('TypeError', e)
print(sorted(s.intersection([4, 10])), s.isdisjoint([99]), s.issubset(range(20)), s.pop() in (4, 10))
s.clear()
print(s, sorted(S('ab')), sorted(F('cd')))


class Upper(frozenset):
    def __new__(cls, items):
        return super().__new__(cls, [i.upper() for i in items])


u = Upper(['a', 'b'])
print(type(u).__name__, sorted(u))


class Init(set):
    def __init__(self, items):
        super().__init__(i * 2 for i in items)
        self.n = len(self)


i = Init([1, 2])
print(sorted(i), i.n)
