# class B(A, A) made a class with the mro (B, A, object, A); CPython refuses a base named twice.
class A:
    pass


class M(type):
    pass


for make in [lambda: type('B', (A, A), {}), lambda: M('B', (A, A), {}), lambda: type('C', (int, int), {})]:
    try:
        make()
    except TypeError as e:
        print('TypeError', e)
try:
    class B(A, object, A):
        pass
except TypeError as e:
    print('TypeError', e)
import typing
T = typing.TypeVar('T')
S = typing.TypeVar('S')
try:
    class R(typing.Protocol[T], typing.Protocol[S]):
        pass
except TypeError as e:
    print('TypeError', e)
