# Sizes past what fits (repetition, bytes(n), padding widths, format widths): OverflowError or MemoryError as 3.11, never an internal error; nothing leaks
def attempt(what, f):
    try:
        r = f()
        print(what, '->', type(r).__name__, len(r) if type(r) in (list, str, bytes, tuple, range) else r)
    except Exception as e:
        print(what, '->', type(e).__name__, e)
attempt("b'ab' * 2**62", lambda: b'ab' * 2**62)
attempt('[0] * 2**62', lambda: [0] * 2**62)
attempt("'x' * 2**62", lambda: 'x' * 2**62)
attempt('bytes(2**62)', lambda: bytes(2**62))
attempt('(0,) * 2**62', lambda: (0,) * 2**62)
attempt('[0, 1] * 2**62', lambda: [0, 1] * 2**62)
attempt("b'ab' * 2**63", lambda: b'ab' * 2**63)
attempt('[0] * 2**63', lambda: [0] * 2**63)
attempt("'x' * 2**63", lambda: 'x' * 2**63)
attempt('bytes(2**63)', lambda: bytes(2**63))
attempt('(1,) * 2**63', lambda: (1,) * 2**63)
attempt("2**62 * 'ab'", lambda: 2**62 * 'ab')
attempt("b'a' * 2**64", lambda: b'a' * 2**64)
attempt('[0] * 2**100', lambda: [0] * 2**100)
attempt("'x' * -2**100", lambda: 'x' * -2**100)
attempt('[0] * -2**63', lambda: [0] * -2**63)
attempt('bytes(-1)', lambda: bytes(-1))
attempt('bytes(2**64)', lambda: bytes(2**64))
attempt("'ab' * (2**62)", lambda: 'ab' * (2**62))
attempt("'abc'.center(2**62)", lambda: 'abc'.center(2**62))
attempt("'abc'.ljust(2**63)", lambda: 'abc'.ljust(2**63))
attempt("'abc'.zfill(2**62)", lambda: 'abc'.zfill(2**62))
attempt("'abc'.zfill(-2**63 - 1)", lambda: 'abc'.zfill(-2**63 - 1))
attempt('range(2**64)', lambda: range(2**64))
attempt('list(range(2**62))', lambda: list(range(2**62)))
attempt("f'{1:{2**62}}'", lambda: f'{1:{2**62}}')
attempt("format(1.5, '99999999999999999999')", lambda: format(1.5, '99999999999999999999'))
attempt("format('a', '.99999999999999999999')", lambda: format('a', '.99999999999999999999'))
attempt("format(1.5, '.4611686018427387904')", lambda: format(1.5, '.4611686018427387904'))
attempt("'{0[99999999999999999999]}'.format([1])", lambda: '{0[99999999999999999999]}'.format([1]))
attempt("'{99999999999999999999}'.format(1)", lambda: '{99999999999999999999}'.format(1))
attempt("'ab'.join(['x']*3) * 2**61", lambda: 'ab'.join(['x']*3) * 2**61)
attempt('bytes([1])*2**62', lambda: bytes([1])*2**62)
attempt("'x'.rjust(2**62, '-')", lambda: 'x'.rjust(2**62, '-'))
attempt("'a'*(2**62) + 'b'", lambda: 'a'*(2**62) + 'b')
attempt('[1,2,3][::2**62]', lambda: [1,2,3][::2**62])
attempt('tuple(range(3)) * 2**62', lambda: tuple(range(3)) * 2**62)
attempt("'x' * True", lambda: 'x' * True)
attempt('[0] * 2.0', lambda: [0] * 2.0)
attempt('sum([[0]] * 3, []) * 2**62', lambda: sum([[0]] * 3, []) * 2**62)
attempt('list(range(2**62, 2**62+1))', lambda: list(range(2**62, 2**62+1)))
attempt('range(2**62)[2**61]', lambda: range(2**62)[2**61])
attempt('len(range(2**63))', lambda: len(range(2**63)))
l = [1, 2]
for n in [2**62, 2**61]:
    try:
        l *= n
    except MemoryError:
        print('l *=', n, '-> MemoryError', l)
import sys
x = object()
before = sys.getrefcount(x)
for i in range(3):
    try:
        [x] * 2**62
    except MemoryError:
        pass
    try:
        (x, x) * 2**61
    except MemoryError:
        pass
print(sys.getrefcount(x) - before)
