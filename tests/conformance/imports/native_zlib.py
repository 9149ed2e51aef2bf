# zlib over the system's zlib: one-shot and streaming compression with every wbits form, the
# errors' messages, unused_data/unconsumed_tail, copies, zdict, the objects' layout; gzip and zipfile over it
import zlib, sys, gc
data = b'hello world ' * 200 + bytes(range(256))
c = zlib.compress(data)
print(len(c), c[:16].hex(), zlib.decompress(c) == data)
for level in (0, 1, 9):
    print(level, zlib.compress(data, level).hex()[:40], len(zlib.compress(data, level)))
for wbits in (-15, 15, 31, -9):
    z = zlib.compress(data, 6, wbits)
    print(wbits, len(z), z[:12].hex(), zlib.decompress(z, wbits) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data)
print(zlib.crc32(data), zlib.crc32(data, 12345), zlib.adler32(data), zlib.adler32(b''), zlib.crc32(b''), zlib.crc32(memoryview(b'abc')))
for bad, args in [(b'xx', ()), (c[:-5], ()), (c, (99,)), (c + b'tail', ())]:
    try:
        print(len(zlib.decompress(bad, *args)))
    except zlib.error as e:
        print('error', e)
try: zlib.compress(data, 12)
except zlib.error as e: print(e)
try: zlib.compress('str')
except TypeError as e: print(e)
co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
out = co.compress(data[:1000]) + co.compress(data[1000:]) + co.flush(zlib.Z_SYNC_FLUSH)
out2 = co.copy().flush()
out += co.flush()
print(len(out), out[-8:].hex(), out2 == out[len(out)-len(out2):] if False else len(out2))
try: co.compress(b'x')
except zlib.error as e: print(e)
try: co.copy()
except ValueError as e: print(e)
d = zlib.decompressobj(-12)
parts = [d.decompress(out[i:i+100], 50) for i in range(0, 300, 100)]
print([len(p) for p in parts], len(d.unconsumed_tail), d.eof, d.unused_data)
d = zlib.decompressobj()
r = d.decompress(c + b'extra', 10)
print(len(r), len(d.unconsumed_tail), d.eof)
r += d.decompress(d.unconsumed_tail)
print(len(r), d.eof, d.unused_data, d.unconsumed_tail, r == data)
print(d.flush(), d.eof)
dd = zlib.decompressobj(); x = dd.decompress(c[:50]); y = dd.copy(); print(len(x + y.decompress(c[50:]) ), y.eof)
print(sys.getsizeof(co), sys.getsizeof(d), gc.is_tracked(d), type(co).__name__, type(d).__qualname__, type(co).__module__)
try: type(co)()
except TypeError as e: print(e)
try: d.eof = 1
except AttributeError as e: print(e)
zd = b'hello world '
co = zlib.compressobj(zdict=zd); z = co.compress(data) + co.flush()
print(len(z), zlib.decompressobj(zdict=zd).decompress(z) == data)
try: zlib.decompressobj().decompress(z)
except zlib.error as e: print(e)
rz = zlib.compressobj(wbits=-15, zdict=zd); z = rz.compress(data) + rz.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(z) == data)
try: zlib.compressobj(memLevel=0)
except ValueError as e: print(e)
print(zlib.ZLIB_VERSION, zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION)
d = zlib.decompressobj()
print(gc.get_referents(d), sys.getrefcount(d.unused_data) > 1)
t = type(d)
before = sys.getrefcount(t)
objs = [zlib.decompressobj() for i in range(3)]
print(sys.getrefcount(t) - before)
del objs
print(sys.getrefcount(t) - before)
