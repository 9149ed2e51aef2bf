# The builtin exceptions with fields of their own have 3.11's layouts: sizes, members, traversal order, refcounts of what they hold.
import sys, gc

types = [SystemExit, StopIteration, ImportError, ModuleNotFoundError, NameError, UnboundLocalError, AttributeError,
         SyntaxError, IndentationError, TabError, UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError,
         UnicodeError, KeyError, OSError, FileNotFoundError, Exception]
for t in types:
    e = t.__new__(t)
    own = [k for k, v in vars(t).items() if type(v).__name__ == 'member_descriptor']
    print(t.__name__, t.__basicsize__, sys.getsizeof(e), own)

class Sub(ImportError):
    pass
print('subclass', Sub.__basicsize__, sys.getsizeof(Sub('m')), Sub.__dictoffset__, Sub.__weakrefoffset__)


class Marker:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return self.n


def referents(e, fields):
    for f in fields:
        setattr(e, f, Marker(f))
    e.__context__ = ValueError('ctx')
    e.__cause__ = KeyError('cause')
    out = []
    for x in gc.get_referents(e):
        if isinstance(x, Marker):
            out.append(x.n)
        elif isinstance(x, BaseException):
            out.append(x.args[0])
        else:
            out.append(type(x).__name__)
    print(type(e).__name__, out)


referents(AttributeError(), ['name', 'obj'])
referents(NameError(), ['name'])
referents(ImportError('m'), ['msg', 'name', 'path'])
referents(StopIteration(1), ['value'])
referents(SystemExit(1), ['code'])
referents(SyntaxError(), ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line'])
referents(UnicodeDecodeError('a', b'x', 0, 1, 'r'), ['encoding', 'object', 'reason'])
referents(UnicodeTranslateError('x', 0, 1, 'r'), ['encoding', 'object', 'reason'])
referents(Sub('m'), ['msg', 'name', 'path'])

# the fields are members, not entries of the instance dict, and hold a reference each
held = object()
before = sys.getrefcount(held)
e = AttributeError('x', name='n', obj=held)
print('obj ref', sys.getrefcount(held) - before, vars(e), e.__dict__)
e.obj = None
print('after reset', sys.getrefcount(held) - before)
v = object()
before = sys.getrefcount(v)
s = StopIteration(v)
print('value ref', sys.getrefcount(v) - before, s.value is v, vars(s))
del s
print('released', sys.getrefcount(v) - before)
u = UnicodeDecodeError('utf-8', bytearray(b'\xff'), 0, 1, 'bad')
print(type(u.object).__name__, u.start, u.end, str(u))
u.start = 5
print(u.start)
for f in [lambda: setattr(u, 'start', 'x'), lambda: delattr(u, 'start')]:
    try:
        f()
    except TypeError as ex:
        print('TypeError', ex)
del u.encoding
print(u.encoding, str(UnicodeDecodeError.__new__(UnicodeDecodeError)) == '')
m = ImportError.__new__(ImportError, 'msg')
print(m.msg, m.args, str(m))
print(str(ImportError('hello', name='x')), str(ImportError(1)), str(ImportError()), str(ImportError('a', 'b')))
