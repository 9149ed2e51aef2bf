# array and the buffer protocol: memoryview over an array (format, itemsize, shape, tolist, writes through it, casts),
# ob_exports refusing every resize, bytes/bytearray/bytes methods taking an array, struct.pack_into/unpack_from,
# frombytes from buffers, file write and readinto, refcounts and sizes of the views
import array, sys, gc, struct, io, os, tempfile
A = array.array
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
a = A('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.shape, m.strides, m.ndim, m.nbytes, m.readonly, m.obj is a, m.contiguous, m.tolist(), len(m))
print(m[1], m[-1], m[::2].tolist(), list(m), m.tobytes() == a.tobytes())
m[0] = 100; m[1:3] = A('i', [7, 8]); print(a)
t(lambda: m.__setitem__(0, 2**40))
t(lambda: m.__setitem__(0, 1.5))
t(lambda: a.append(4))
t(lambda: a.extend([4]))
t(lambda: a.insert(0, 4))
t(lambda: a.pop())
t(lambda: a.remove(7))
t(lambda: a.frombytes(b'\0\0\0\0'))
t(lambda: a.fromlist([1]))
t(lambda: a.__delitem__(0))
t(lambda: a.__delitem__(slice(0, 3, 2)))
t(lambda: a.__setitem__(slice(0, 1), A('i')))
t(lambda: a.__setitem__(slice(0, 1), A('i', [5, 6])))
t(lambda: a.__iadd__(A('i', [1])))
t(lambda: a.__imul__(2))
a[0:1] = A('i', [55]); print(a)
a *= 1; a += A('i'); a.extend([]); print(a)
c = m.cast('B'); print(c.format, c.shape, len(c), c[0])
m2 = memoryview(a); print(type(m2), m2 is not m)
m.release(); t(lambda: a.append(9))
c.release(); t(lambda: a.append(9))
m2.release(); a.append(9); print(a)
with memoryview(a) as v:
    t(lambda: a.pop())
print(a.pop(), a)
r = sys.getrefcount(a); v = memoryview(a); print(sys.getrefcount(a) - r); v.release(); print(sys.getrefcount(a) - r)
v = memoryview(a); del v; a.append(1); print(len(a))
print(sys.getsizeof(memoryview(A('d', [1.0]))), gc.is_tracked(memoryview(a)))
for code in array.typecodes:
    x = A(code, [1, 2] if code != 'u' else 'xy')
    with memoryview(x) as v:
        print(code, v.format, v.itemsize, v.nbytes, end=' ')
        try: print(v.tolist())
        except NotImplementedError as e: print('NotImplementedError', e)
d = A('d', [0.5, 1.5])
with memoryview(d) as v:
    v[1] = 2.5
print(d)
print(bytes(A('h', [1, -1])), bytearray(A('b', [1, 2])), b'x' + A('b', [65]), bytearray(b'y') + A('B', [66]))
print(b'abc'.startswith(A('b', [97])), b'-'.join([A('b', [97]), b'b']), A('B', b'hi').tobytes().decode())
print(bytes(A('i')), bytearray(A('d')))
ba = bytearray(b'xy'); ba += A('b', [1]); print(ba)
b = A('b', bytes(8))
struct.pack_into('<hi', b, 1, -2, 70000); print(b)
print(struct.unpack_from('<hi', b, 1), struct.unpack('<4h', A('h', [1, 2, 3, 4])))
t(lambda: struct.pack_into('<q', b, 4, 1))
a = A('b'); a.frombytes(memoryview(b'abc')); a.frombytes(bytearray(b'd')); a.frombytes(A('B', [101])); print(a)
t(lambda: a.frombytes(A('i', [1])))
t(lambda: a.frombytes(memoryview(A('h', [1]))))
t(lambda: a.frombytes(memoryview(b'abcd').cast('i')))
a = A('i', [1, 2, 3])
bio = io.BytesIO(); bio.write(a); print(bio.getvalue())
r = io.BytesIO(b'\x05\x00\x00\x00\x06\x00\x00\x00'); n = r.readinto(a); print(n, a)
fd, path = tempfile.mkstemp()
try:
    with open(path, 'wb') as f:
        print(f.write(A('h', [1, 2, 3])))
        A('d', [0.25]).tofile(f)
    with open(path, 'rb') as f:
        h = A('h'); print(f.readinto(h), h)
        h = A('h', [0, 0, 0]); print(f.readinto(h), h)
        f.seek(0); h = A('h'); h.fromfile(f, 3); print(h)
        dd = A('d'); dd.fromfile(f, 1); print(dd)
        t(lambda: dd.fromfile(f, 1))
    with open(path, 'rb', buffering=0) as f:
        h = A('H', [0, 0]); print(f.readinto(h), h)
finally:
    os.close(fd); os.unlink(path)
