# Before the image: _io's state (its types, UnsupportedOperation, the wrappers' decoding states)
# and functions: streams part read, a text wrapper over fd 1 with text pending, a class derived
# from _io._IOBase (a native module's type made after the runtime's constructor).
import _io, _codecs, sys
# the codec registry's answers for the wrappers (the encodings package would be imported from a
# directory): refheap's wrappers code in Java and only hold the incremental coders
sys.modules['encodings'] = type(sys)('encodings')
class Coder:
    def __init__(self, errors):
        self.errors = errors
class Info(tuple):
    incrementaldecoder = incrementalencoder = Coder
_codecs.register(lambda name: Info((None, None, None, None)))
s = _io.StringIO('line1\nline2\n')
s.readline()
b = _io.BytesIO(b'abcdef')
b.read(2)
dec = _io.IncrementalNewlineDecoder(None, True)
dec.decode('a\r')
raw = _io.FileIO(1, 'w', closefd=False)
text = _io.TextIOWrapper(_io.BufferedWriter(raw), encoding='utf-8')
text.write('pending ')
src = _io.TextIOWrapper(_io.BytesIO('h\u00e9llo\nw\u00f6rld\n'.encode()), encoding='utf-8')
first = src.readline()
class MyIO(_io._IOBase):
    def readable(self):
        return True
rw = _io.BufferedRWPair(_io.BytesIO(b'pair'), _io.BytesIO())
print(repr(first), s.tell(), b.tell())
