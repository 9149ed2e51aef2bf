# BytesIO.getbuffer: a writable memoryview over the BytesIO through _io._BytesIOBuffer (24 bytes, tracked, its referent
# the BytesIO), exports refusing write/truncate/close/__init__, unsharing a shared buffer first; pickle at protocols 4 and 5
import io, sys, gc, pickle, array
b = io.BytesIO(b'abc'); m = b.getbuffer(); o = m.obj
print(type(o), sys.getsizeof(o), gc.is_tracked(o), gc.get_referents(o) == [b], type(o).__flags__ & ~(1 << 19), m.format, m.readonly, len(m))
m[0] = 120; print(b.getvalue())
for f in (lambda: b.write(b'x'), lambda: b.truncate(0), lambda: b.close(), lambda: b.__init__(b'')):
    try: f()
    except BufferError as e: print(e)
m.release(); b.write(b'x'); print(b.getvalue())
try: type(o)()
except TypeError as e: print(e)
src = b'shared'; b2 = io.BytesIO(src); v = b2.getbuffer(); v[0] = 83; print(src, bytes(v), b2.getvalue()); del v
b2.close()
try: b2.getbuffer()
except ValueError as e: print(e)
for p in (4, 5):
    print(pickle.loads(pickle.dumps([1, 'a', (2.5,), {3: None}], p)), pickle.loads(pickle.dumps(array.array('i', [1, 2]), p)))
print(pickle.loads(pickle.dumps(list(range(300)))) == list(range(300)))
