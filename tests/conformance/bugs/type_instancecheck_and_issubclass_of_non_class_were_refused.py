# type.__instancecheck__ and type.__subclasscheck__ (what a metaclass's own check reaches with
# super()) were refused; issubclass(x, alias) with x not a class asks the second argument's
# __subclasscheck__ (typing's aliases answer), and refuses only where type's own check runs.
import typing
from typing import Any, Callable, Tuple

print(type.__instancecheck__(int, 3), type.__instancecheck__(int, 'a'), type.__subclasscheck__(int, bool))
try:
    type.__subclasscheck__(int, 3)
except TypeError as e:
    print('TypeError', e)


class Mock(Any):
    pass


class Something:
    pass


class MockSomething(Something, Mock):
    pass


print(isinstance(MockSomething(), Mock), isinstance(Something(), Mock), issubclass(MockSomething, Any))


class MyTuple(tuple):
    pass


print(issubclass(MyTuple, Tuple), issubclass(Tuple, Tuple), issubclass(tuple, Tuple))
print(issubclass(Callable, Callable))
for a, b in [(3, list[int]), (3, int), (3, (int, str)), (3, 4), (3, int | str)]:
    try:
        issubclass(a, b)
    except TypeError as e:
        print('TypeError', e)


class Meta(type):
    def __instancecheck__(cls, obj):
        print('Meta.__instancecheck__', obj)
        return super().__instancecheck__(obj)

    def __subclasscheck__(cls, sub):
        print('Meta.__subclasscheck__', sub.__name__)
        return super().__subclasscheck__(sub)


class K(metaclass=Meta):
    pass


print(isinstance(K(), K), isinstance(1, K), issubclass(bool, K))
