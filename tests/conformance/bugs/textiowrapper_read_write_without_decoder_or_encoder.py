# A TextIOWrapper over a buffer that is not writable has no encoder, and one over a buffer that is
# not readable no decoder: write() says "not writable", read(), readline() and next() "not
# readable" (io.UnsupportedOperation), after write()'s type check and the closed check, as 3.11's
# textio.c orders them. refheap called the buffer anyway ("write", "read1", or a write that
# succeeded on a reader), so sys.stdin.write() after CPython's start-up said "write". A
# BufferedReader has no writable() of its own (IOBase's says False) and a BufferedWriter no
# readable(): refheap's asked the raw stream, so a wrapper over a reader of a BytesIO got an encoder.
import io
for b in (io.BufferedReader(io.BytesIO()), io.BufferedWriter(io.BytesIO()), io.BufferedRandom(io.BytesIO())):
    print(type(b).__name__, b.readable(), b.writable(), 'readable' in type(b).__dict__, 'writable' in type(b).__dict__)

t = io.TextIOWrapper(io.BytesIO(b'abc'))
t.close()
for args in ((3,), ('x',)):
    try:
        t.write(*args)
    except Exception as e:
        print(type(e).__name__, e)
r = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b'abc\ndef\n')))
for f, args in ((r.write, ('x',)), (r.write, (b'x',)), (r.readline, ()), (r.read, ())):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)
w = io.TextIOWrapper(io.BufferedWriter(io.BytesIO()))
for f, args in ((w.read, ()), (w.read, (2,)), (w.readline, ()), (w.write, ('y',)), (lambda: next(w), ()), (w.write, (None,)), (io.BufferedReader(io.BytesIO()).readinto, (None,))):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
