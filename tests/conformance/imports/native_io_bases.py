# io.py over _io: its ABCs extend _io._IOBase and friends (CPython's iobase: 32 bytes, the dict at
# 16, the weakref list at 24), register the concrete classes, and Python subclasses get the
# generic methods (readline from read, close from flush, iteration, the close on deletion).
import io, _io, sys, gc, weakref

print(io.StringIO, io.IOBase, type(io.IOBase), io.RawIOBase.__mro__)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.IOBase), issubclass(io.BytesIO, io.BufferedIOBase))
print(isinstance(io.StringIO(), io.RawIOBase), io.DEFAULT_BUFFER_SIZE, io.SEEK_END)
print(_io._IOBase.__doc__.splitlines()[0], io.IOBase.__doc__ == _io._IOBase.__doc__)
print(io.UnsupportedOperation.__module__, io.UnsupportedOperation.__mro__)


class R(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


r = R(b"ab\ncd\nef")
print(R.__basicsize__, R.__dictoffset__, R.__weakrefoffset__, sys.getsizeof(r), gc.is_tracked(r))
print(r.read(2), r.readline(), r.readall(), r.read(), r.closed)
r.pos = 0
print(list(r), r.readable(), r.writable(), r.seekable())
r.close()
print(r.closed, r.__dict__)
for op in (r.readline, r.__iter__, r.__enter__, r.isatty, r.flush):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
for op in (R(b"").fileno, R(b"").tell, lambda: R(b"").seek(0), R(b"").truncate, R(b"")._checkWritable):
    try:
        op()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
print(R(b"")._checkReadable())
wr = weakref.ref(r)
print(wr() is r)


class S(io.StringIO):
    pass


s = S("x\ny")
print(S.__basicsize__, S.__dictoffset__, sys.getsizeof(s), list(s), repr(s.getvalue()))
s.attr = 5
print(s.attr, s.__dict__)


class W(io.TextIOBase):
    def __init__(self):
        self.parts = []

    def write(self, t):
        self.parts.append(t)
        return len(t)

    def close(self):
        print("closing", self.parts)
        super().close()


w = W()
w.write("hi")
w.writelines(["a", "b"])
print(w.writable(), w.encoding, w.newlines, w.errors)
del w
print("after del")
w = W()
w.close()
del w
print("closed before del")


class B(io.BufferedIOBase):
    def read(self, n=-1):
        return b"xyz"[:n]


ba = bytearray(2)
print(B().readinto(ba), ba)
try:
    B().write(b"x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
with io.BytesIO(b"q") as b:
    print(b.read())
print(b.closed)
