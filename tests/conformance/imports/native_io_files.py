# open() and the file stack: FileIO (48 bytes + GC head, the name in its dict), BufferedReader/
# Writer/Random (152 + the buffer), TextIOWrapper; modes, newline modes, codecs, seek/tell,
# errors with errno and filename, and an unclosed writer flushed and closed when it dies.
import io, os, sys, gc

d = f"/tmp/refheap_native_io_files.{os.getpid()}"  # per process: two runs at once must not share it
os.makedirs(d, exist_ok=True)
p = d + "/a.txt"
with open(p, "w") as f:
    print(type(f), f.mode, f.encoding, f.closed, f.line_buffering, f.writable(), f.readable())
    print(f.write("hello\nworld\n"), f.tell())
    f.write("third line\n")
print(f.closed, f.name == p)
with open(p) as f:
    print(repr(f.readline()), f.tell(), f.read(3), repr(f.read()), repr(f.read()))
    f.seek(0)
    print(list(f))
    f.seek(6)
    print(repr(f.readline()))
with open(p, "a") as f:
    f.write("appended\n")
with open(p, "rb") as f:
    print(type(f), type(f.raw), sys.getsizeof(f) - f.raw._blksize, gc.is_tracked(f), f.read(5), f.peek(1)[:1], f.read1(3), f.tell())
    f.seek(-9, 2)
    print(f.read(), f.readline())
    f.seek(0)
    print(f.readlines()[-1])
with open(p, "wb") as f:
    print(type(f), f.write(b"\x00\x01binary"), f.tell())
with open(p, "rb", buffering=0) as f:
    print(type(f), f.mode, f.closefd, f.read(), f.read(), f.readable(), f.seekable())
    print(sys.getsizeof(f), gc.is_tracked(f), f.fileno() > 2, len(gc.get_referents(f)))
with open(p, "r+b") as f:
    print(type(f), f.read(2), f.write(b"XY"), f.seek(0), f.read())
with open(p, "w+") as f:
    f.write("a\r\nb\rc\n")
    f.seek(0)
    print(repr(f.read()), f.newlines)
with open(p, newline="") as f:
    print(list(f))
with open(p, "rb") as f:
    print(f.read())
try:
    open(d + "/missing.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename == d + "/missing.txt")
try:
    open(d)
except IsADirectoryError as e:
    print(type(e).__name__, e.errno)
for mode, kw in (("rw", {}), ("rt", {"buffering": 0}), ("rb", {"encoding": "utf-8"}), ("rq", {})):
    try:
        open(p, mode, **kw)
    except ValueError as e:
        print(e)
with open(p, "w", encoding="utf-8") as f:
    f.write("h\u00e9llo \u20ac \U0001f600\n")
with open(p, encoding="utf-8") as f:
    s = f.read()
    print(s, len(s), f.tell())
with open(p, encoding="latin-1") as f:
    print(repr(f.read(4)))
with open(p, "w", encoding="utf-16") as f:
    f.write("ab")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="utf-16") as f:
    print(f.read())
f = open(p, "w")
f.write("unclosed")
del f
print(open(p).read())
x = io.FileIO(p)
print(x.mode, x._blksize > 0, repr(x).startswith("<_io.FileIO name="))
x.close()
print(x, x.closed)
w = io.TextIOWrapper(io.BytesIO(b"one\ntwo\n"), encoding="ascii")
print(w.readline(), w.read(), w.encoding, type(w.buffer))
r = io.BufferedReader(io.BytesIO(b"abc\ndef"))
print(r.readline(), r.read(), type(r.raw))
print(isinstance(open(p), io.TextIOBase), isinstance(open(p, "rb"), io.BufferedIOBase), isinstance(open(p, "rb", 0), io.RawIOBase))
os.unlink(p)
os.rmdir(d)
