# BufferedRWPair.close() closes the writer, then the reader even if the writer's close raised; when
# both raise, the reader's error is raised with the writer's as its __context__.
import io

class Raw(io.RawIOBase):
    def readable(self): return True
    def writable(self): return True
    def readinto(self, b): return 0
    def write(self, b): return len(b)

def case(label, reader_fails, writer_fails):
    r, w = Raw(), Raw()
    order = []
    def rclose():
        order.append("reader")
        if reader_fails: raise KeyError("reader")
        io.RawIOBase.close(r)
    def wclose():
        order.append("writer")
        if writer_fails: raise ValueError("writer")
        io.RawIOBase.close(w)
    r.close = rclose
    w.close = wclose
    p = io.BufferedRWPair(r, w)
    try:
        p.close()
        print(label, "ok", order)
    except Exception as e:
        ctx = e.__context__
        print(label, type(e).__name__, e, type(ctx).__name__ if ctx else None, ctx, order, p.closed)
    r.close = lambda: None
    w.close = lambda: None

case("none", False, False)
case("reader", True, False)
case("writer", False, True)
case("both", True, True)
