# CPython's typing imports (its _DeprecatedType metaclass calls type.__getattribute__) and works:
# Generic, TypeVar, Protocol (runtime_checkable), NamedTuple (__bases__ set to the same bases),
# TypedDict (its metaclass's __call__ = dict), get_type_hints, the special forms' reprs.
import typing
from typing import (Any, Callable, ClassVar, Dict, Generic, List, Literal, NamedTuple, Optional, Protocol, Tuple,
                    TypedDict, TypeVar, Union, get_args, get_origin, get_type_hints, overload)

T = TypeVar('T')
K = TypeVar('K', bound=int)
S = TypeVar('S', str, bytes)
print(T, K.__bound__, S.__constraints__, T.__name__)


class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v

    def get(self) -> T:
        return self.v


print(Box[int], Box(3).v, Box.__parameters__, Box[str].__origin__ is Box, Box[int]('x').get())
print(Box.__mro__)


class Pair(Generic[T, K]):
    pass


print(Pair[str, int], Pair.__parameters__)


class Proto(Protocol):
    def meth(self) -> int: ...


@typing.runtime_checkable
class Closable(Protocol):
    def close(self): ...


class F:
    def close(self):
        pass


print(isinstance(F(), Closable), isinstance(1, Closable), Proto._is_protocol)


class NT(NamedTuple):
    a: int
    b: str = 'x'


n = NT(1)
print(n, NT._fields, NT.__annotations__, NT._field_defaults, n._replace(b='y'), n._asdict(), NT.__bases__)
Point = NamedTuple('Point', [('x', int), ('y', int)])
print(Point(1, 2), Point.__annotations__)


class TD(TypedDict):
    k: int


class TD2(TD, total=False):
    extra: str


print(TD(k=1), type(TD(k=1)), TD.__required_keys__, TD2.__optional_keys__, TD2.__total__, TD.__annotations__)
Movie = TypedDict('Movie', {'name': str, 'year': int})
print(Movie(name='x', year=1), sorted(Movie.__required_keys__))


def f(a: int, b: Optional[str] = None, *c: 'Box[int]', d: 'List[int]' = None) -> List[int]:
    pass


print(get_type_hints(f))


class WithVars:
    x: int
    y: ClassVar[str] = 'c'
    z: Dict[str, int]


print(get_type_hints(WithVars))
print(Union[int, str], Optional[int], Dict[str, int], Callable[[int], str], Tuple[int, ...], Literal[1, 2])
print(Union[int, int], Union[int, Union[str, int]], Optional[Union[int, str]], int | str, List[int] == List[int])
print(typing.cast(int, 'x'), Any, typing.NoReturn, typing.Final[int], typing.Annotated[int, 'meta'])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Callable[[int], str]))
print(typing.io, typing.re, typing.Pattern, typing.Match)


@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x


print(g(1), typing.get_overloads(g) != [])
print(typing.NewType('UserId', int), typing.NewType('UserId', int)(5))
print(typing.TYPE_CHECKING, typing.AnyStr, sorted(typing.__all__)[:5])
