# TextIOWrapper with the utf-8-sig codec (NotImplementedError before): a BOM written first, not
# again when appending to a non-empty file or after seeking away from the start, written again at
# a seek to 0; dropped when reading from the start; tell() counts it.
import io, os, tempfile

fd, path = tempfile.mkstemp()
os.close(fd)
try:
    for charset in ('utf-8-sig', 'utf-16', 'utf-32'):
        with open(path, 'w', encoding=charset) as f:
            f.write('aaa')
            pos = f.tell()
        with open(path, 'rb') as f:
            print(charset, f.read() == 'aaa'.encode(charset), pos)
        with open(path, 'a', encoding=charset) as f:
            f.write('xxx')
        with open(path, 'rb') as f:
            print(charset, f.read() == 'aaaxxx'.encode(charset))
        with open(path, 'r+', encoding=charset) as f:
            f.seek(pos)
            f.write('zzz')
            f.seek(0)
            f.write('bbb')
        with open(path, 'rb') as f:
            print(charset, f.read() == 'bbbzzz'.encode(charset))
        with open(path, 'w', encoding=charset) as f:
            f.write('aaa')
        with open(path, 'a', encoding=charset) as f:
            f.seek(0)
            f.seek(0, io.SEEK_END)
            f.write('xxx')
        with open(path, 'rb') as f:
            print(charset, f.read() == 'aaaxxx'.encode(charset))
        with open(path, encoding=charset) as f:
            print(charset, repr(f.read()))
finally:
    os.unlink(path)

raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding='UTF_8_sig', newline='\n')
print(t.encoding)
t.write('\xe9t\xe9\n')
t.flush()
print(raw.getvalue())
t.seek(0)
print(repr(t.readline()), t.tell())
t.seek(0)
print(repr(t.read(1)), repr(t.read()))

# read one byte at a time: the BOM waits until it is whole
class OneByte(io.RawIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def readinto(self, b):
        if not self.data:
            return 0
        b[0] = self.data[0]
        self.data = self.data[1:]
        return 1

t = io.TextIOWrapper(io.BufferedReader(OneByte(b'\xef\xbb\xbfok\n'), 1), encoding='utf-8-sig')
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b'no bom'), encoding='utf-8-sig')
print(repr(t.read()))

# reconfigure: no BOM in the middle of a seekable stream, one in a stream that cannot seek
raw = io.BytesIO()
txt = io.TextIOWrapper(raw, encoding='ascii', newline='\n')
txt.write('abc\n')
txt.reconfigure(encoding='utf-8-sig')
txt.write('d\xe9f\n')
txt.flush()
print(raw.getvalue())
raw = io.BytesIO()
raw.seekable = lambda: False
raw.seek = None
txt = io.TextIOWrapper(raw, encoding='ascii', newline='\n')
txt.write('abc\n')
txt.reconfigure(encoding='utf-8-sig')
txt.write('d\xe9f\n')
txt.flush()
print(raw.getvalue())

try:
    io.TextIOWrapper(io.BytesIO(), encoding='utf8-sig')
except LookupError as e:
    print('LookupError', e)
