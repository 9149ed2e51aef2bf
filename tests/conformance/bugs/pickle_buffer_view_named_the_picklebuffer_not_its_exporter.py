# A memoryview of a PickleBuffer named the PickleBuffer as its obj where CPython's (picklebuf_getbuf
# asks the wrapped object for its buffer) names the wrapped object, so out-of-band buffers came
# back as new objects (test_pickle's ZeroCopyBytes finds its exporter through memoryview(pb).obj).
import array, pickle, sys

b = bytearray(b'abc')
print(sys.getrefcount(b))
pb = pickle.PickleBuffer(b)
print(sys.getrefcount(b))
m = memoryview(pb)
print(m.obj is b, type(m.obj).__name__, sys.getrefcount(b), sys.getrefcount(pb))
r = pb.raw()
print(r.obj is b, sys.getrefcount(b), sys.getrefcount(pb))
del m
print(sys.getrefcount(b))
try:
    b.append(1)
except BufferError as e:
    print('BufferError', e)
del r
pb.release()
print(sys.getrefcount(b))
b.append(1)
print(b)
try:
    memoryview(pb)
except ValueError as e:
    print('ValueError', e)

bs = b'xyz'
pb3 = pickle.PickleBuffer(bs)
print(memoryview(pb3).obj is bs, pb3.raw().obj is bs, memoryview(pb3).readonly)

# over a memoryview: the view is the exporter, and counts the export
m2 = memoryview(b'hello')
pb2 = pickle.PickleBuffer(m2)
v = memoryview(pb2)
print(v.obj is m2, pb2.raw().obj is m2, bytes(v))
try:
    m2.release()
except BufferError as e:
    print('BufferError', e)
del v
try:
    m2.release()
except BufferError as e:
    print('BufferError', e)
pb2.release()
m2.release()
print(m2.__repr__().startswith('<released memory'))

# a PickleBuffer over a PickleBuffer wraps the first one's object
pp = pickle.PickleBuffer(pickle.PickleBuffer(b))
print(memoryview(pp).obj is b, pp.raw().obj is b)

# an array: its format and itemsize come through
a = array.array('i', [1, 2])
pa = pickle.PickleBuffer(a)
ma = memoryview(pa)
print(ma.obj is a, ma.format, ma.itemsize, ma.tolist(), pa.raw().format, pa.raw().obj is a)
try:
    a.append(3)
except BufferError as e:
    print('BufferError', e)
del ma
pa.release()
a.append(3)
print(a)

# out-of-band round trip: the exporter found again through the view, as ZeroCopyBytes does
class ZeroCopyBytes(bytes):
    readonly = True
    def __reduce_ex__(self, protocol):
        if protocol >= 5:
            return type(self)._reconstruct, (pickle.PickleBuffer(self),), None
        return type(self)._reconstruct, (bytes(self),)
    @classmethod
    def _reconstruct(cls, obj):
        with memoryview(obj) as m:
            obj = m.obj
            if type(obj) is cls:
                return obj
            return cls(obj)

for dumps, loads in ((pickle.dumps, pickle.loads), (pickle._dumps, pickle._loads)):
    z = ZeroCopyBytes(b'abcdefgh')
    bufs = []
    data = dumps(z, protocol=5, buffer_callback=bufs.append)
    print(data, len(bufs))
    new = loads(data, buffers=bufs)
    print(new is z, new)
    print(loads(dumps(z, protocol=5)) is z, loads(dumps(z, protocol=4)) == z)
