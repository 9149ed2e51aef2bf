# BufferedReader.readinto1 copies what is buffered, then makes at most one raw read straight into
# the destination when what is left is more than the buffer (3.11's _buffered_readinto_generic);
# refheap returned only the buffered bytes. A codec name with a lone surrogate is
# UnicodeEncodeError (the registry encodes the name to UTF-8), not LookupError.
import io, codecs

class Raw(io.RawIOBase):
    def __init__(self, chunks):
        self.chunks = list(chunks)
        self.reads = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.reads += 1
        if not self.chunks:
            return 0
        c = self.chunks.pop(0)
        b[:len(c)] = c
        return len(c)

for tp in (io.BufferedReader, io.BufferedRandom):
    if tp is io.BufferedRandom:
        Raw.writable = lambda self: True
        Raw.seekable = lambda self: True
        Raw.seek = lambda self, *a: 0
        Raw.tell = lambda self: 0
    raw = Raw((b'abc', b'de', b'fgh', b'jkl'))
    buf = tp(raw, buffer_size=10)
    b = bytearray(2)
    print(buf.peek(3), raw.reads)
    print(buf.readinto1(b), b, raw.reads)
    print(buf.readinto1(b), b[:1], raw.reads)
    print(buf.readinto1(b), b, raw.reads)
    b = bytearray(20)
    print(buf.peek(3), raw.reads)
    print(buf.readinto1(b), bytes(b[:6]), raw.reads)
    print(buf.readinto1(b), raw.reads)

for name in ['\udcfe', 'utf-8\udcfe', '\U0001f600']:
    try:
        codecs.lookup(name)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=name)
    except Exception as e:
        print(type(e).__name__, e)

try:
    codecs.lookup('utf-8\0')
except ValueError as e:
    print('ValueError', e)
for kw in [dict(errors='replace\0'), dict(errors='\udcfe'), dict(encoding='utf-8\0')]:
    try:
        io.TextIOWrapper(io.BytesIO(), **{'encoding': 'utf-8', **kw})
    except Exception as e:
        print(type(e).__name__, e)
