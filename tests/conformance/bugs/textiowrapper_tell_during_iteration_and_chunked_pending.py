# TextIOWrapper: tell() while iterating with next() is OSError "telling position disabled by
# next() call" until the iteration ends (3.11's telling flag); a write whose bytes would take the
# pending bytes past the chunk size first writes out what is pending (bpo-43260), so the buffer
# is never handed more than a chunk of joined pieces.
import io, os, tempfile

fd, path = tempfile.mkstemp()
os.close(fd)
try:
    f = open(path, 'w+', encoding='utf-8')
    p0 = f.tell()
    f.write('\xff\n')
    p1 = f.tell()
    f.write('\xff\n')
    p2 = f.tell()
    print(p0, p1, p2)
    f.seek(0)
    print(repr(f.readline()), f.tell() == p1)
    f.seek(0)
    for line in f:
        try:
            f.tell()
            print('tell worked')
        except OSError as e:
            print(repr(line), type(e).__name__, e)
    print(f.tell() == p2)
    f.seek(0)
    next(f)
    try:
        f.tell()
    except OSError as e:
        print('after next:', e)
    f.seek(0)
    try:
        f.tell()
    except OSError as e:
        print('after seek:', e)
    print(f.readline() == '\xff\n')
    f.close()
finally:
    os.unlink(path)

class Raw(io.RawIOBase):
    def __init__(self):
        self.stack = []
    def writable(self):
        return True
    def write(self, b):
        if len(b) > 8192:
            raise RuntimeError('more than a chunk: %d' % len(b))
        self.stack.append(bytes(b))
        return len(b)

raw = Raw()
t = io.TextIOWrapper(raw, encoding='ascii')
print(t._CHUNK_SIZE)
t.write('abc')
t.write('def')
print(raw.stack)
try:
    t.write('x' * 8193)
except RuntimeError as e:
    print('RuntimeError', e)
print(raw.stack)
t.write('ghi')
t.write('y' * 8192)
print([s[:5] for s in raw.stack], [len(s) for s in raw.stack])
