# format() of an object whose __format__ is object's refuses a non-empty spec with TypeError
# ("unsupported format string passed to T.__format__"): it was formatted as its str with the spec,
# or a ValueError. The format-spec errors of int, float, complex and str name the object's own type
# (a subclass, bool).
class B:
    pass


class I(int):
    pass


class F(float):
    pass


class C(complex):
    pass


class S(str):
    pass


values = [B(), b'x', bytearray(b'y'), None, ..., NotImplemented, type, len, range(3), {1}, {}, [1], (0,),
          lambda: 0, frozenset(), memoryview(b'a'), object()]
for v in values:
    for spec in ('x', '5', '>5', 's'):
        try:
            format(v, spec)
            print(type(v).__name__, repr(spec), 'formatted')
        except (TypeError, ValueError) as e:
            print(type(v).__name__, repr(spec), type(e).__name__, e)
    print(type(v).__name__, repr(format(v, '')) if not isinstance(v, (B, object)) or type(v) in (bytes, bytearray, type(None), set, dict, list, tuple, range, frozenset) else 'str')
    for f in (lambda: f'{v:x}', lambda: '{:x}'.format(v), lambda: object.__format__(v, 'x')):
        try:
            f()
        except TypeError as e:
            print('  ', e)

for v in (I(1), F(1), C(1), S('a'), True, 1, 1.0, 1j, 'a'):
    for spec in ('abc', '.1000000000000f', 'q', ',c', 'n'):
        try:
            print(type(v).__name__, repr(spec), repr(format(v, spec)))
        except (TypeError, ValueError, OverflowError) as e:
            print(type(v).__name__, repr(spec), type(e).__name__, e)
print('%x' % I(255), '%e' % F(1.5), '%s' % S('q'))
