# A buffered reader fills its buffer with raw.readinto(memoryview), as CPython's does: a result that
# is not an index is OSError "raw readinto() failed" caused by the conversion's error, one outside
# [0, len] is OSError "invalid length"; None means the raw stream would block.
import io

class Raw(io.RawIOBase):
    def __init__(self, results):
        self.results = list(results)
        self.calls = []
    def readable(self): return True
    def readinto(self, buf):
        self.calls.append((type(buf).__name__, len(buf)) + ((buf.readonly, buf.format) if isinstance(buf, memoryview) else ()))
        r = self.results.pop(0)
        if r == b"" and self.results == [b""]:
            return b""
        if type(r).__name__ == "IntLike":
            buf[:2] = b"ok"
        if isinstance(r, bytes):
            buf[:len(r)] = r
            return len(r)
        return r

def attempt(label, results, size=8, op=lambda b: b.read(4)):
    raw = Raw(results)
    b = io.BufferedReader(raw, size)
    try:
        print(label, repr(op(b)))
    except Exception as e:
        c = e.__cause__
        print(label, type(e).__name__, e, type(c).__name__ if c else None, e.__suppress_context__)
    print("  ", raw.calls)

attempt("bytes", [b"abcdef"])
attempt("short then eof", [b"ab", b""], op=lambda b: b.read())
attempt("minus one", [-1])
attempt("too long", [100])
attempt("bytes result", [b"", b""], op=lambda b: b.readline())
attempt("str", ["3"])
attempt("float", [1.5])
attempt("huge", [2**70])
attempt("none", [None], op=lambda b: b.read(4))
attempt("peek", [b"xyz"], op=lambda b: b.peek(1))
attempt("readinto", [b"hello"], op=lambda b: (lambda ba: (b.readinto(ba), bytes(ba)))(bytearray(3)))

class IntLike:
    def __index__(self): return 2
attempt("index", [IntLike()], op=lambda b: b.peek(1))
r = io.BufferedReader(io.BytesIO(b"12"))
r.readinto = lambda buf: -1
try:
    io.BufferedReader(r).readline()
except OSError as e:
    print("shadowed", e, e.__cause__)
