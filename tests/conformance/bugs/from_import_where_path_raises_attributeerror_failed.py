# `from pkg.mod import name` looks up the module's __path__ as _PyObject_LookupAttr does: an
# AttributeError raised by a __getattr__/__getattribute__ means "no __path__" (typing.io, a class
# in sys.modules whose metaclass raises); refheap let the AttributeError out.
import sys
import types
import warnings


class RaisingModule(types.ModuleType):
    def __getattribute__(self, name):
        if name == '__path__':
            raise AttributeError('no __path__ here')
        return super().__getattribute__(name)


m = RaisingModule('fakemod')
m.value = 42
sys.modules['fakemod'] = m
from fakemod import value
print(value)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    from typing.io import IO, TextIO
    from typing.re import Match
print(IO, TextIO, Match)
