# Bug: reversed() copied its argument into a new list and returned a list_iterator over it, so
# type(reversed(x)) was list_iterator for every x, the iterator held a hidden list (its items one
# reference more each), a list changed during iteration was not seen, a user class's
# __reversed__ was never called and __reversed__ = None did not refuse; list.__reversed__,
# dict.__reversed__ and the dict views' were refused. reversed is a type now, with 3.11's
# list_reverseiterator, dict_reverse*iterator, reversed and range iterators.
# Also: zip, map, filter, reversed, range_iterator and the dict views were subscriptable
# (zip[int] made a GenericAlias); in 3.11 they are not.
import gc
import sys

l = [1, 2, 3]
r = reversed(l)
print(type(r).__name__, sys.getsizeof(r), gc.is_tracked(r), gc.get_referents(r) == [l], sys.getrefcount(l))
l.append(4)
print(list(r))
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
for it in (reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items()), d.__reversed__()):
    print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it), list(it))
print(type(reversed), reversed.__name__, isinstance(reversed((1, 2)), reversed))
x = reversed("abc")
print(type(x).__name__, sys.getsizeof(x), gc.is_tracked(x), list(x), list(reversed(b"pq")), list(reversed(bytearray(b"xy"))))
print(list(reversed(range(5))), list(reversed(range(0, 10, 3))), list(reversed(range(10, 0, -4))), list(reversed(range(0))))
print(type(reversed(range(3))).__name__, list(reversed(range(2**70, 2**70 + 3))), list(reversed(range(-2**63, -2**63 + 2))))


class S:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i == 0:
            raise IndexError
        return i * 10


class R:
    def __reversed__(self):
        return iter("zyx")


class N:
    __reversed__ = None

    def __getitem__(self, i):
        return i

    def __len__(self):
        return 1


print(list(reversed(S())), list(reversed(R())), list(l.__reversed__()))
for bad in (N(), {1: 2}, 5, {1, 2}):
    try:
        reversed(bad)
    except TypeError as e:
        print(e)
for call in (lambda: reversed(), lambda: reversed([], x=1), lambda: reversed(1, 2)):
    try:
        call()
    except TypeError as e:
        print(e)
it = reversed(d)
d["z"] = 0
try:
    next(it)
except RuntimeError as e:
    print(e)
for t in (zip, map, filter, reversed, type(iter(range(1))), type({}.keys()), type({}.values()), type({}.items())):
    try:
        t[int]
    except TypeError as e:
        print(e)
print(enumerate[int], list[int])
