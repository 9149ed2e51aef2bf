# list[int] and friends are types.GenericAlias: repr, __origin__, __args__, calls, equality, layout
import sys, gc
g = list[int]
print(repr(g), type(g).__name__, g.__origin__, g.__args__, g.__parameters__)
print(repr(dict[str, list[int]]), repr(tuple[int, ...]), repr(tuple[()]), repr(set[frozenset[str]]))
print(g(), g((1, 2)), dict[str, int](a=1))
print(list[int] == list[int], list[int] == list[str], list[int] == list)
print(sys.getsizeof(tuple[int, str]), gc.is_tracked(g))
h = dict[str, int]
print(gc.get_referents(h))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
print(g.append is list.append)
