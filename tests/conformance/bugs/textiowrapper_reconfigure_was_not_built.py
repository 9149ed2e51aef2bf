# TextIOWrapper.reconfigure (3.7+) was NotImplementedError: it changes the codec, the error
# handler, the newline mode, line_buffering and write_through, flushing first; the codec and
# newline cannot change once something was read; the arguments are checked as 3.11 checks them.
import io, sys, gc

r = io.BytesIO()
b = io.BufferedWriter(r, 1000)
t = io.TextIOWrapper(b, encoding="utf-8", newline="\n", line_buffering=False)
t.write("AB\nC")
print(r.getvalue())
t.reconfigure(line_buffering=True)
print(r.getvalue(), t.line_buffering)
t.write("DEF\nG")
print(r.getvalue())
t.reconfigure(line_buffering=False, write_through=True)
print(r.getvalue(), t.line_buffering, t.write_through)
t.write("IJ")
print(r.getvalue())
t.reconfigure()
t.reconfigure(line_buffering=None, write_through=None)
print(t.line_buffering, t.write_through)

# the codec
raw = io.BytesIO()
txt = io.TextIOWrapper(raw, encoding='latin1', newline='\n')
txt.write('abc\xe9\n')
txt.reconfigure(encoding='utf-8')
print(raw.getvalue(), txt.encoding, txt.errors)
txt.write('d\xe9f\n')
txt.flush()
print(raw.getvalue())

# after a read: UnsupportedOperation
data = 'abc\xe9\n'.encode('latin1') + 'd\xe9f\n'.encode('utf8')
txt = io.TextIOWrapper(io.BytesIO(data), encoding='latin1', newline='\n')
print(repr(txt.readline()))
for kw in [dict(encoding='utf-8'), dict(newline=None), dict(errors='ignore')]:
    try:
        txt.reconfigure(**kw)
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
txt.reconfigure(line_buffering=True)
print(txt.line_buffering)

# defaults: encoding None keeps the codec and its handler; a new codec's handler is strict
txt = io.TextIOWrapper(io.BytesIO(), 'ascii', 'replace', '\n')
txt.reconfigure(encoding=None)
print(txt.encoding, txt.errors)
txt.write('LF\n')
txt.reconfigure(newline='\r\n')
print(txt.encoding, txt.errors)
txt.reconfigure(errors='ignore')
print(txt.encoding, txt.errors)
txt.write('CRLF\n')
txt.reconfigure(encoding='utf-8', newline=None)
print(txt.encoding, txt.errors)
txt.seek(0)
print(repr(txt.read()))
print(txt.detach().getvalue())

# bad arguments
class BadIndex:
    def __index__(self):
        1 / 0

txt = io.TextIOWrapper(io.BytesIO(), 'ascii', 'replace', '\r')
for kw in [dict(encoding=42), dict(errors=42), dict(newline=42), dict(newline='xyz'), dict(newline='\udcfe'),
           dict(encoding='\udcfe'), dict(errors='\udcfe'), dict(encoding='locale\0'),
           dict(line_buffering=BadIndex()), dict(line_buffering=2**1000), dict(write_through=1.5),
           dict(line_buffering=BadIndex(), write_through=BadIndex())]:
    try:
        txt.reconfigure(**kw)
        print('ok', kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    txt.reconfigure('utf-8')
except TypeError as e:
    print('TypeError', e)
print(txt.encoding, txt.errors, txt.line_buffering, txt.write_through)
txt.reconfigure(encoding='latin1', errors='ignore', newline='\r\n', line_buffering=5, write_through=True)
print(txt.encoding, txt.errors, txt.line_buffering, txt.write_through)

# newline modes
for data, before, after in [(b'CR\rEOF', '\n', None), (b'CR\rEOF', '\n', ''), (b'CR\rLF\nEOF', '\r', '\n'),
                            (b'LF\nCR\rEOF', '\n', '\r'), (b'CR\rCRLF\r\nEOF', '\r', '\r\n')]:
    txt = io.TextIOWrapper(io.BytesIO(data), 'ascii', newline=before)
    txt.reconfigure(newline=after)
    print(repr(txt.readline()), repr(txt.newlines))
txt = io.TextIOWrapper(io.BytesIO(), 'ascii', newline='\r')
txt.reconfigure(newline=None)
txt.write('linesep\n')
txt.reconfigure(newline='')
txt.write('LF\n')
txt.reconfigure(newline='\n')
txt.write('LF\n')
txt.reconfigure(newline='\r')
txt.write('CR\n')
txt.reconfigure(newline='\r\n')
txt.write('CRLF\n')
print(txt.detach().getvalue())

# utf-16 in the middle of a seekable stream: no BOM; at its start: a BOM
raw = io.BytesIO()
txt = io.TextIOWrapper(raw, encoding='ascii', newline='\n')
txt.write('ab')
txt.reconfigure(encoding='utf-16')
txt.write('c')
txt.flush()
print(raw.getvalue())
raw = io.BytesIO()
txt = io.TextIOWrapper(raw, encoding='ascii', newline='\n')
txt.reconfigure(encoding='utf-16')
txt.write('c')
txt.flush()
print(raw.getvalue())

# the wrapper keeps its size; the new decoder and encoder are its referents
txt = io.TextIOWrapper(io.BytesIO(b'x'), encoding='ascii')
txt.reconfigure(encoding='latin-1')
print(sys.getsizeof(txt), gc.is_tracked(txt))
print(sorted(type(x).__name__ for x in gc.get_referents(txt)))
