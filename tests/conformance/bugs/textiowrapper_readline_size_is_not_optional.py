# CPython 3.11's TextIOWrapper.readline(size) converts size as a Py_ssize_t: None is a TypeError
# there (read and truncate take None), with the index converter's message, not io's "argument
# should be integer or None" (refheap gave that one, and took None; sys.stdin is a TextIOWrapper).
# read's and truncate's too-large size is PyNumber_AsSsize_t's OverflowError.
import io
t = io.TextIOWrapper(io.BytesIO(b'abcdef\nxyz\n'))
for m in ('readline', 'read'):
    for v in (None, 'x', 1.5, 2**70):
        try:
            r = getattr(t, m)(v)
            print(m, repr(v), 'ok', repr(r))
        except Exception as e:
            print(m, repr(v), type(e).__name__, e)
        t.seek(0)
class I:
    def __index__(self):
        return 2
print(repr(t.readline(I())), repr(t.readline(-7)), repr(t.readline(0)))
for v in ('x', 1.5, 2**70, None):
    try:
        print('truncate', repr(v), t.truncate(v))
    except Exception as e:
        print('truncate', repr(v), type(e).__name__, e)
for o in (io.StringIO('abc'), io.BytesIO(b'abc')):
    for v in ('x', 2**70, -2**70):
        try:
            print(type(o).__name__, repr(v), o.truncate(v))
        except Exception as e:
            print(type(o).__name__, repr(v), type(e).__name__, e)
