# After the image: _io's streams, the wrappers' decoding states and its functions work on the adopted heap.
import _io
print(repr(s.readline()), repr(s.getvalue()), s.tell())
print(b.read(), b.getvalue(), b.tell())
print(repr(dec.decode('\nb', True)), repr(dec.newlines), dec.getstate())
text.write('and more\n')
text.flush()
print(repr(src.readline()), src.read(), repr(src.read()))
m = MyIO()
print(m.readable(), m.closed, isinstance(m, _io._IOBase), type(m).__mro__[1].__name__)
try:
    m.fileno()
except _io.UnsupportedOperation as e:
    print('UnsupportedOperation', e, isinstance(e, OSError), isinstance(e, ValueError))
print(_io.text_encoding(None), _io.text_encoding('x'), _io.DEFAULT_BUFFER_SIZE, raw.name if hasattr(raw, 'name') else raw.fileno(), raw.mode, raw.closefd)
t2 = _io.TextIOWrapper(_io.BytesIO(), encoding='latin-1')
t2.write('\u00e9!')
t2.flush()
print(t2.buffer.getvalue(), t2.encoding, type(t2).__name__)
r = _io.BufferedReader(_io.BytesIO(b'xyz'))
print(r.read(1), r.peek()[:2], r.read(), rw.read(2), rw.write(b'w'))
print(_io.open('/dev/null', 'rb').read(), _io.open_code('/dev/null').read(), type(_io.open('/dev/null')).__name__)
s.close()
for f, a in ((s.read, ()), (_io.StringIO, (1,)), (_io.open, ()), (_io.text_encoding, ()), (_io.FileIO, (-5,))):
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
