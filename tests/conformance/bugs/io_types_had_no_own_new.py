# T.__new__(T) on the _io types makes an uninitialised object (each type has its own tp_new);
# its methods then refuse with CPython's errors, and __init__ makes it usable.
import _io, io, gc

def show(label, f, *args):
    try:
        r = f(*args)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

for name in ["FileIO", "BytesIO", "StringIO", "BufferedReader", "BufferedWriter", "BufferedRandom",
             "BufferedRWPair", "TextIOWrapper", "IncrementalNewlineDecoder", "_IOBase", "_RawIOBase",
             "_BufferedIOBase", "_TextIOBase"]:
    T = getattr(_io, name)
    print(name, "__new__" in T.__dict__, T.__new__.__self__.__name__, T.__new__.__name__)
    o = T.__new__(T)
    print(" ", type(o).__name__, gc.is_tracked(o), type(o).__new__(T, 1, 2, x=3).__class__.__name__)
    del o

class Raw(io.RawIOBase):
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return False
    def readinto(self, b): return 0
    def write(self, b): return len(b)

for T in (_io.BufferedReader, _io.BufferedWriter, _io.BufferedRandom):
    b = T.__new__(T)
    del b
    b = T.__new__(T)
    show(T.__name__ + ".read", getattr(b, "read", lambda *a: "no read"), 0)
    show(T.__name__ + ".write", getattr(b, "write", lambda *a: "no write"), b"")
    show(T.__name__ + ".closed", lambda: b.closed)
    show(T.__name__ + ".raw", lambda: b.raw)
    show(T.__name__ + ".tell", b.tell)
    show(T.__name__ + ".flush", b.flush)
    show(T.__name__ + ".close", b.close)
    show(T.__name__ + ".detach", b.detach)
    show(T.__name__ + ".repr", lambda: repr(b)[:20])
    show(T.__name__ + ".sizeof", lambda: b.__sizeof__())
    if T is _io.BufferedRandom:
        raw = io.BytesIO(b"abc")
    else:
        raw = Raw()
    b.__init__(raw)
    if T is not _io.BufferedWriter: show(T.__name__ + ".read0", b.read, 0)
    if T is not _io.BufferedReader: show(T.__name__ + ".write", b.write, b"")

p = _io.BufferedRWPair.__new__(_io.BufferedRWPair)
del p
p = _io.BufferedRWPair.__new__(_io.BufferedRWPair)
show("pair.read", p.read, 0)
show("pair.write", p.write, b"")
show("pair.closed", lambda: p.closed)
p.__init__(Raw(), Raw())
show("pair.read0", p.read, 0)
show("pair.write", p.write, b"")

t = _io.TextIOWrapper.__new__(_io.TextIOWrapper)
del t
t = _io.TextIOWrapper.__new__(_io.TextIOWrapper)
show("text.repr", repr, t)
show("text.read", t.read, 0)
show("text.write", t.write, "")
show("text.encoding", lambda: t.encoding)
show("text.buffer", lambda: t.buffer)
show("text.line_buffering", lambda: t.line_buffering)
show("text.closed", lambda: t.closed)
show("text.name", lambda: t.name)
show("text.newlines", lambda: t.newlines)
show("text.close", t.close)
t.__init__(io.BytesIO(b"xyz"), encoding="ascii")
show("text.read", t.read)

f = _io.FileIO.__new__(_io.FileIO)
show("fileio.repr", repr, f)
show("fileio.closed", lambda: f.closed)
show("fileio.mode", lambda: f.mode)
show("fileio.closefd", lambda: f.closefd)
show("fileio.read", f.read)
show("fileio.fileno", f.fileno)
show("fileio.close", f.close)
show("fileio.closed", lambda: f.closed)

s = _io.StringIO.__new__(_io.StringIO)
show("stringio.read", s.read)
show("stringio.closed", lambda: s.closed)
show("stringio.getvalue", s.getvalue)
s.__init__("abc")
show("stringio.read", s.read)

b = _io.BytesIO.__new__(_io.BytesIO)
show("bytesio.read", b.read)
show("bytesio.getvalue", b.getvalue)
b.__init__(b"abc")
show("bytesio.read", b.read)

d = _io.IncrementalNewlineDecoder.__new__(_io.IncrementalNewlineDecoder)
show("decoder.decode", d.decode, b"x")
show("decoder.newlines", lambda: d.newlines)
show("decoder.getstate", d.getstate)

show("bad new", _io.BufferedReader.__new__, _io.FileIO)
show("bad new2", _io.FileIO.__new__, int)
show("bad new3", _io.FileIO.__new__)
