# A class that sets __iter__ = None is not iterable (slot_tp_iter's TypeError), even when it has
# __getitem__; refheap called the None ('NoneType' object is not callable).
import typing


class X:
    __iter__ = None


class Y:
    __iter__ = None

    def __getitem__(self, i):
        return i


for obj in [X(), Y(), typing.Union, typing.Union[str, int], typing.List, typing.Callable[..., int]]:
    try:
        iter(obj)
    except TypeError as e:
        print('TypeError', e)
try:
    for _ in Y():
        pass
except TypeError as e:
    print('TypeError', e)
try:
    list(X())
except TypeError as e:
    print('TypeError', e)
