# A buffered or text wrapper's close() closes the raw object even when flush() raised; when the
# close raises too, that error is raised with the flush error as its __context__ (3.11's
# _io__Buffered_close_impl / _io_TextIOWrapper_close_impl), not the flush error alone.
import io, sys

class R(io.RawIOBase):
    def writable(self): return True
    def write(self, b): raise OSError('write failed')
    def close(self):
        super().close()
        raise ValueError('close failed')

class R2(io.RawIOBase):
    def writable(self): return True
    def write(self, b): raise OSError('write failed')

b = io.BufferedWriter(R())
b.write(b'abc')
try:
    b.close()
except Exception as e:
    print(type(e).__name__, e, type(e.__context__).__name__, e.__context__)
    print(sys.getrefcount(e.__context__))
print(b.raw.closed)

b = io.BufferedWriter(R2())
b.write(b'abc')
try:
    b.close()
except Exception as e:
    print(type(e).__name__, e, e.__context__)
print(b.raw.closed)

t = io.TextIOWrapper(io.BufferedWriter(R()), encoding='utf-8')
t.write('x')
try:
    t.close()
except Exception as e:
    print(type(e).__name__, e, type(e.__context__).__name__, e.__context__)
