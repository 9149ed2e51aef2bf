# type.__or__/__ror__ is nb_or of type, which metaclasses inherit: int | SomeABC, a Protocol | str,
# typing.Any | str make a union (refheap refused them on an instance of a subclass of type); a
# TypedDict class | str is type's __or__, not the dict.__or__ its own class dict has. A union's
# equality and hash are those of the set of its args (equal args that are different objects,
# typing.Union's hash), and union.__module__ is its type's ('types').
import collections.abc
import copy
import pickle
import typing

T = typing.TypeVar('T')


class BadMeta(type):
    def __subclasscheck__(cls, sub):
        1 / 0


x = int | BadMeta('A', (), {})
print(type(x).__name__, x.__args__[0], x.__args__[1].__name__)
print(int | collections.abc.Mapping, collections.abc.Mapping | int)


class Proto(typing.Protocol):
    def meth(self) -> int: ...


print(Proto | str == typing.Union[Proto, str])
print(typing.Any | str == typing.Union[typing.Any, str])


class Point2D(typing.TypedDict):
    x: int


print(Point2D | str == typing.Union[Point2D, str])


class M(type):
    def __or__(cls, other):
        return 'M.__or__'


class C(metaclass=M):
    pass


print(C | int, int | C)
print(type.__or__(int, 3), type.__ror__(int, str), type.__or__(int, None))

# equality and hash: by the set of args
print(hash(int | str) == hash(typing.Union[int, str]), hash(int | str) == hash(str | int))
orig = list[T] | int
print(copy.copy(orig) == orig, pickle.loads(pickle.dumps(orig)) == orig)
print((float | list[T])[int] == float | list[int])
print((int | str) == (str | int), (int | str) != (int | bytes), (int | str) == 3, (int | str) != 3)
print((int | list[int]) == (list[int] | int), len({int | str, str | int}))
print((int | str).__module__, typing.Annotated[int | float, 'const'])
