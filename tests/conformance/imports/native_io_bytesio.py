# _io.BytesIO: CPython 3.11's layout (64 bytes + GC head), the shared buffer (BytesIO(b) keeps b,
# getvalue() hands the buffer out, a write copies it), resize_buffer's growth in getsizeof.
import _io, sys, gc

b = _io.BytesIO()
print(type(b), sys.getsizeof(b), gc.is_tracked(b), sys.getrefcount(b))
print(b.write(b"abc"), sys.getsizeof(b))
v = b.getvalue()
print(v, sys.getsizeof(b), sys.getrefcount(v))
x = bytes(range(65, 80))
b = _io.BytesIO(x)
print(sys.getsizeof(b), sys.getrefcount(x))
v = b.getvalue()
print(v is x, sys.getrefcount(x))
b.write(b"z")
print(sys.getsizeof(b), sys.getrefcount(x), b.getvalue())
del v
b = _io.BytesIO(x)
r = b.read()
print(r is x, b.read(), sys.getrefcount(x))
b = _io.BytesIO()
b.write(b"a" * 10)
print(sys.getsizeof(b))
b.write(b"a" * 100)
print(sys.getsizeof(b))
v = b.getvalue()
print(sys.getsizeof(b), len(v))
b = _io.BytesIO(b"line1\nline2\nlast")
print(list(b))
b.seek(0)
print(b.readline(), b.read(2), b.read(), b.read(), b.readline())
b.seek(20)
b.write(b"!")
print(b.getvalue(), b.tell())
ba = bytearray(4)
b.seek(0)
print(b.readinto(ba), ba, b.tell())
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.seek(5, 1))
b.seek(0)
print(b.readlines(), b.truncate(4), b.getvalue(), b.tell())
b.seek(0)
print(b.readlines(2), b.read1(), b.read1(-1))
for args in ((-1,), (0, 3)):
    try:
        b.seek(*args)
    except ValueError as e:
        print(e)
try:
    b.truncate(-2)
except ValueError as e:
    print(e)
for bad in ("str", 5):
    try:
        _io.BytesIO().write(bad)
    except TypeError as e:
        print(e)
print(_io.BytesIO(bytearray(b"xy")).getvalue(), _io.BytesIO(memoryview(b"mv")).read())
with _io.BytesIO(b"q") as f:
    print(f.read(), f.readable(), f.writable(), f.seekable(), f.isatty(), f.closed)
print(f.closed)
for op in (f.read, f.getvalue, f.tell, lambda: f.write(b"x"), f.flush, f.readable):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
print(gc.get_referents(_io.BytesIO(b"ab")))
t = _io.BytesIO(b"x")
t.y = 1
print(gc.get_referents(t), t.__dict__)
w = _io.BytesIO()
w.writelines([b"a", bytearray(b"b"), b"c"])
print(w.getvalue())
try:
    w.fileno()
except _io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
