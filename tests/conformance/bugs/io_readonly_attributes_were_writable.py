# The _io types' members and getsets without a setter refuse assignment and deletion with
# CPython's AttributeError (members: "readonly attribute"; getsets: "attribute 'X' of 'T' objects
# is not writable"); refheap stored the value in the instance dict, so txt.buffer = x replaced it.
import io

def attempt(obj, name, value=1):
    for what in ('set', 'del'):
        try:
            if what == 'set':
                setattr(obj, name, value)
            else:
                delattr(obj, name)
            print(what, name, 'ok')
        except AttributeError as e:
            print(what, name, 'AttributeError', e)

txt = io.TextIOWrapper(io.BytesIO(b'abc'), encoding='ascii')
for name in ['buffer', 'encoding', 'errors', 'line_buffering', 'write_through', 'closed', 'name', 'newlines']:
    attempt(txt, name)
print(txt.buffer.getvalue(), txt.encoding)
txt.mode = 'r'          # not an attribute of the type: the instance dict takes it
print(txt.mode, txt.__dict__)

for tp in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom):
    buf = tp(io.BytesIO(b'abc'))
    for name in ['raw', 'closed', 'name', 'mode']:
        attempt(buf, name)
    buf.extra = 5
    print(type(buf.raw).__name__, buf.extra)

class T(io.TextIOWrapper):
    pass

t = T(io.BytesIO(), encoding='ascii')
attempt(t, 'buffer')
t.other = 1
print(t.other)
