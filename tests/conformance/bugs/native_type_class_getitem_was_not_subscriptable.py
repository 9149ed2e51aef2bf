# A native module's type whose dict has __class_getitem__ (a classmethod descriptor, as
# _contextvars' ContextVar and Token in CPython 3.11) is subscriptable: ContextVar[int] is a
# types.GenericAlias. refheap raised "type 'ContextVar' is not subscriptable".
import _contextvars, types

for t in (_contextvars.ContextVar, _contextvars.Token):
    a = t[int]
    print(a, type(a) is types.GenericAlias, a.__origin__ is t, a.__args__)
    print(t[int, str], t.__class_getitem__(bytes))
try:
    _contextvars.Context[int]
except TypeError as e:
    print('TypeError', e)
