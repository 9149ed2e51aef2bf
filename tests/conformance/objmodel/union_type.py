# X | Y between classes is types.UnionType: repr, flattening, dedup, isinstance, layout
import sys, gc
u = int | str
print(repr(u), type(u).__name__, u.__args__)
print(repr(int | None), repr(None | int), repr(int | str | float), repr(list[int] | None))
print(int | int, (int | str) | int == int | str, (int | str) == (str | int))
print(isinstance(1, u), isinstance('a', u), isinstance(1.0, u), isinstance(None, int | None))
print(sys.getsizeof(u), gc.is_tracked(u), gc.get_referents(u))
try:
    int | 1
except TypeError as e:
    print(e)
