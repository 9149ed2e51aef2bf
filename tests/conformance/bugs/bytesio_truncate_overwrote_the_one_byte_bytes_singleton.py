# BytesIO.truncate(0) resized its buffer to one byte with the shared b'\x00' object, which the
# next write then overwrote: every b'\x00' in the program read as the byte written
import io
import pickle
import struct

f = io.BytesIO()
f.write(b'ab')
f.seek(0)
f.truncate()
z = struct.pack('<B', 0)
f.write(b'h' + z)
print(f.getvalue(), z)
f.seek(0)
f.truncate()
f.write(b']')
print(z, struct.pack('<B', 0), b'\x00', bytes([0]), f.getvalue())

# what pickle's pure-Python pickler showed: memo index 0 written as 93 (']') after a truncate
data = ['abcdefg', 'abcdefg', 44]
f = io.BytesIO()
p = pickle._Pickler(f, 1)
p.dump(data)
first = f.getvalue()
f.seek(0)
f.truncate()
p.dump(data)
p.clear_memo()
f.seek(0)
f.truncate()
p.dump(data)
print(first == f.getvalue(), f.getvalue())
