# A frozenset subclass: object.__init__ takes extra arguments when the class's __new__ is not
# object's (frozenset_new is its), so `s.__init__(x)` does nothing; keywords are refused with
# "frozenset() takes no keyword arguments" only when the class has no __init__ of its own; the
# set is made as frozenset's own, a dict's keys by their stored hashes. refheap refused the
# first two and hashed every key again.
class FS(frozenset):
    pass


s = FS('abc')
s.__init__('xyz')
print(sorted(s), type(s).__name__)
try:
    FS(sequence=())
except TypeError as e:
    print('TypeError', e)
try:
    FS('a', 'b')
except TypeError as e:
    print('TypeError', e)


class WithInit(frozenset):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


u = WithInit([1, 2], newarg=3)
print(type(u).__name__, sorted(u), u.newarg)


class WithNew(frozenset):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self


u = WithNew([1, 2], newarg=3)
print(type(u).__name__, sorted(u), u.newarg)


class HashCountingInt(int):
    def __init__(self, *args):
        self.hash_count = 0

    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)


d = dict.fromkeys(map(HashCountingInt, range(10)))
print(sum(e.hash_count for e in d))
for t in (frozenset, FS, set):
    s = t(d)
    print(t.__name__, sum(e.hash_count for e in d), len(s))
    s.difference(d)
    print(sum(e.hash_count for e in d))

# object.__init__'s extra-argument rule for other bases
for base in (int, tuple, str, bytes, float, frozenset, complex, object):
    class C(base):
        pass
    try:
        C().__init__(1)
        print(base.__name__, 'ok')
    except TypeError as e:
        print(base.__name__, e)
