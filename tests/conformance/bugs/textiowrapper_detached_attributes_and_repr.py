# A detached TextIOWrapper keeps its members (encoding, buffer None, line_buffering, write_through)
# and errors, and has a repr; its getsets (name, closed, newlines, _CHUNK_SIZE) are ValueError. A
# repr skips a name that raises AttributeError or ValueError (the raw object has none), as
# textiowrapper_repr does.
import io

r = io.BytesIO()
b = io.BufferedWriter(r)
t = io.TextIOWrapper(b, encoding='ascii', errors='replace', line_buffering=True)
t.write('howdy')
print(r.getvalue())
print(t.detach() is b, r.getvalue())
try:
    t.detach()
except ValueError as e:
    print('ValueError', e)
print(repr(t))
print(t.encoding, t.errors, t.line_buffering, t.write_through, t.buffer)
for name in ['name', 'closed', 'newlines', '_CHUNK_SIZE']:
    try:
        getattr(t, name)
    except ValueError as e:
        print(name, 'ValueError', e)

raw = io.BytesIO('hello'.encode('utf-8'))
t = io.TextIOWrapper(io.BufferedReader(raw), encoding='utf-8')
print(repr(t))
raw.name = 'dummy'
print(repr(t))
t.mode = 'r'
print(repr(t))
raw.name = b'dummy'
print(repr(t))

class NameRaises(io.BytesIO):
    @property
    def name(self):
        raise ValueError('no name')

print(repr(io.TextIOWrapper(NameRaises(), encoding='ascii')))

class NameBroken(io.BytesIO):
    @property
    def name(self):
        raise KeyError('broken')

try:
    repr(io.TextIOWrapper(NameBroken(), encoding='ascii'))
except KeyError as e:
    print('KeyError', e)

# the buffered objects' repr: a raw object without a name is left out, a ValueError too
class Raw(io.RawIOBase):
    def readable(self):
        return True
    def writable(self):
        return True
    def seekable(self):
        return True

for tp in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom):
    raw = Raw()
    b = tp(raw)
    print(repr(b))
    raw.name = 'dummy'
    print(repr(b))
    raw.name = b'dummy'
    print(repr(b))
