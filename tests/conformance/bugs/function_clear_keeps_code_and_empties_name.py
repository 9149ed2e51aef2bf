# gh-91636 (3.11.7's func_clear): a finalizer that reaches a function while the collector clears
# it finds the code still there and the name and qualname emptied
import gc
import weakref


class LateFin:
    __slots__ = ('ref',)

    def __del__(self):
        global func
        func = self.ref()


class Cyclic(tuple):
    __slots__ = ()

    def __del__(self):
        self[1].ref = weakref.ref(self[0])
        global latefin
        del latefin


latefin = LateFin()


def func():
    return 'still callable'


cyc = tuple.__new__(Cyclic, (func, latefin))
func.__module__ = cyc
del func, cyc
gc.collect()
print(repr(func.__name__), repr(func.__qualname__), func.__code__.co_name, func.__module__, func.__defaults__)
