# _io.StringIO and IncrementalNewlineDecoder: CPython 3.11's layout (getsizeof 136 whatever the
# text), tracking, referents (the dict only), the newline modes, errors.
import _io, sys, gc

s = _io.StringIO("hello\nworld\n")
print(type(s), sys.getsizeof(s), gc.is_tracked(s), sys.getrefcount(s))
print(s.read(3), repr(s.readline()), s.tell(), s.readlines())
s.seek(0)
print(list(s))
s.write("more" * 50)
print(sys.getsizeof(s), len(s.getvalue()))
s.truncate(3)
print(repr(s.getvalue()), s.tell())
s.seek(8)
s.write("!")
print(repr(s.getvalue()))
print(s.seek(0, 2), s.seek(0, 1), s.read(), repr(s.read(5)))
with _io.StringIO() as f:
    print(f.write("a\r\nb\rc\n"), repr(f.getvalue()), f.closed, f.readable(), f.writable(), f.seekable())
print(f.closed)
for op in (f.read, f.getvalue, f.tell, lambda: f.write("x"), f.readable):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
u = _io.StringIO("a\r\nb\rc\n", newline=None)
print(list(u), repr(u.getvalue()), u.newlines)
u = _io.StringIO("a\r\nb\rc\nd", newline="")
print(list(u), u.newlines)
u = _io.StringIO("a\r\nb\rc\n", newline="\r")
print(list(u))
u = _io.StringIO(newline="\r\n")
u.write("x\ny\n")
print(repr(u.getvalue()), u.newlines, u.line_buffering, u.encoding, u.errors)
for bad in ((b"x",), ("x", 5), ("x", "\n\n")):
    try:
        _io.StringIO(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    _io.StringIO().write(b"x")
except TypeError as e:
    print(e)
for args in ((-1,), (1, 1), (0, 7)):
    try:
        _io.StringIO("abc").seek(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
try:
    _io.StringIO().truncate(-1)
except ValueError as e:
    print(e)
try:
    _io.StringIO().fileno()
except _io.UnsupportedOperation as e:
    print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))
print(gc.get_referents(_io.StringIO("a")), gc.get_referents(_io.StringIO("a", None)))
t = _io.StringIO()
t.note = 1
print(gc.get_referents(t), t.__dict__, t.note)
print(_io.StringIO("a\nb").readline(1), _io.StringIO("abc").read(None), _io.StringIO("ab\ncd").readlines(1))
z = _io.StringIO()
z.seek(3)
z.write("x")
print(repr(z.getvalue()), z.isatty(), z.flush())
try:
    z.detach()
except _io.UnsupportedOperation as e:
    print("detach:", e)

d = _io.IncrementalNewlineDecoder(None, True)
print(type(d), sys.getsizeof(d), gc.is_tracked(d))
print(repr(d.decode("a\r")), d.getstate(), repr(d.decode("\nb\r", final=True)), d.newlines)
d.reset()
print(d.getstate(), d.newlines)
d2 = _io.IncrementalNewlineDecoder(None, False)
print(repr(d2.decode("x\r\ny\rz\n")), d2.newlines)
