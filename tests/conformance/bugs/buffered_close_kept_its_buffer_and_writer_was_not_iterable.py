# A buffered object's close() frees its buffer (getsizeof drops buffer_size, as buffered_close
# does), whatever the raw close did; a BufferedWriter and a BufferedRWPair are iterable as every
# IOBase is (the writer's next() is UnsupportedOperation, a closed one's ValueError; the pair's
# lines come from its reader).
import io, sys

for tp in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom):
    b = tp(io.BytesIO(b'abc'), buffer_size=4096)
    size = sys.getsizeof(b)
    b.close()
    print(tp.__name__, size - sys.getsizeof(b))
    for op in ('read', 'peek', 'write', 'flush', 'tell', 'readline'):
        f = getattr(b, op, None)
        if f is None:
            continue
        try:
            f(b'x') if op == 'write' else f()
            print(op, 'ok')
        except ValueError as e:
            print(op, 'ValueError', e)

# the raw close raises: the buffer is freed all the same
class Raw(io.RawIOBase):
    def readable(self):
        return True
    def close(self):
        raise OSError('raw close')

b = io.BufferedReader(Raw(), buffer_size=100)
size = sys.getsizeof(b)
try:
    b.close()
except OSError as e:
    print('OSError', e)
print(size - sys.getsizeof(b))
b.raw.close = lambda: None

w = io.BufferedWriter(io.BytesIO())
print(iter(w) is w)
try:
    next(w)
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
w.close()
try:
    w.readlines()
except ValueError as e:
    print('ValueError', e)

pair = io.BufferedRWPair(io.BytesIO(b'abc\ndef\nh'), io.BytesIO())
print(pair.readlines())
pair = io.BufferedRWPair(io.BytesIO(b'abc\ndef\nh'), io.BytesIO())
print(pair.readlines(5), list(io.BufferedRWPair(io.BytesIO(b'x\ny'), io.BytesIO())))

# tell() and seek() of a closed buffered file are ValueError (the raw FileIO's), not EBADF
import os, tempfile
fd, path = tempfile.mkstemp()
os.close(fd)
try:
    for mode in ('wb', 'rb', 'w+b'):
        f = open(path, mode)
        f.close()
        for op in ('tell', 'seek', 'flush'):
            try:
                getattr(f, op)(*([0] if op == 'seek' else []))
                print(mode, op, 'ok')
            except ValueError as e:
                print(mode, op, 'ValueError', e)
finally:
    os.unlink(path)

# a FileIO is an iterator too (IOBase's next(): readline() until empty)
fd, path = tempfile.mkstemp()
os.write(fd, b'one\ntwo\n')
os.close(fd)
try:
    f = open(path, 'rb', buffering=0)
    print(type(f).__name__, iter(f) is f, next(f), list(f))
    f.close()
    for op in (next, iter):
        try:
            op(f)
        except ValueError as e:
            print(op.__name__, 'ValueError', e)
finally:
    os.unlink(path)

for f in [io.BytesIO(), io.StringIO(), io.TextIOWrapper(io.BytesIO(), encoding='ascii'), io.BufferedReader(io.BytesIO()),
          io.BufferedWriter(io.BytesIO())]:
    f.close()
    try:
        iter(f)
        print(type(f).__name__, 'iter ok')
    except ValueError as e:
        print(type(f).__name__, e)
