# _csv.Error is made from a type spec in CPython 3.11 (the base's 72-byte layout, no __weakref__
# slot, its dict __doc__ then __module__); refheap made it with type() as PyErr_NewException does
# (80 bytes with a __weakref__ slot, as zlib.error and binascii.Error are).
import _csv, sys, gc, _weakref as weakref
E = _csv.Error
print(E.__basicsize__, E.__weakrefoffset__, E.__dictoffset__, E.__flags__ & ~(1 << 19), list(E.__dict__), E.__doc__, E.__module__, E.__qualname__)
print(E.__mro__, sys.getsizeof(E('x')), gc.is_tracked(E), hasattr(E(), '__weakref__'))
try:
    weakref.ref(E())
except TypeError as e:
    print(e)
e = E('a', 1)
e.note = 2
print(repr(e), e.args, e.__dict__)
try:
    _csv.reader(['"a'], strict=True).__next__()
except E as ex:
    print(type(ex).__name__, ex)
class Sub(E):
    pass
print(Sub.__basicsize__, Sub.__weakrefoffset__, weakref.ref(Sub()) is not None)
for stmt in ['E().foo', 'E() < 1', 'E.nope']:
    try:
        eval(stmt)
    except Exception as ex:
        print(type(ex).__name__, ex)
print(repr(E('x')), str(E), E.__name__, E.__qualname__, Sub.__qualname__, repr(Sub('y')))
print(E('p', 2).__reduce__())
