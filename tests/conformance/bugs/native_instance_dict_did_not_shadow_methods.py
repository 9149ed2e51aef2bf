# An instance of a native type with an instance dict (the _io objects, functools.partial) keeps
# a function set on the instance ahead of the type's method when called (LOAD_METHOD and the
# calls the runtime makes itself, such as close() calling self.flush()): the method call used the
# type's method. test_io's close-error tests set flush and close on the instances.
import io, functools

b = io.BytesIO(b'data')
b.close = lambda: print('instance close')
b.close()
print(b.closed)

txt = io.TextIOWrapper(io.BytesIO(b'abc'), encoding='ascii')
def bad_flush():
    print('instance flush, closed:', txt.closed, txt.buffer.closed)
    raise OSError('flush')
txt.flush = bad_flush
try:
    txt.close()
except OSError as e:
    print('close raised', e.args)
print(txt.closed)

# flush and the buffer's close both raise: the close error wins, the flush error is its context
buffer = io.BytesIO(b'abc')
def bad_close():
    raise OSError('close')
buffer.close = bad_close
txt = io.TextIOWrapper(buffer, encoding='ascii')
txt.flush = bad_flush
try:
    txt.close()
except OSError as e:
    print('close raised', e.args, 'context', e.__context__.args)
print(txt.closed)
buffer.close = lambda: None
txt.flush = lambda: None

# the buffered objects
raw = io.BytesIO(b'abc')
buf = io.BufferedReader(raw)
def raw_close():
    raise OSError('raw close')
raw.close = raw_close
def buf_flush():
    raise OSError('buffered flush')
buf.flush = buf_flush
try:
    buf.close()
except OSError as e:
    print('close raised', e.args, 'context', e.__context__.args if e.__context__ else None)
print(buf.closed)
raw.close = lambda: None
buf.flush = lambda: None

# deleting the instance's function brings the type's method back
del b.close
b.close()
print(b.closed)

p = functools.partial(print, 'partial')
p.__dict__['__call__'] = lambda: print('not used: __call__ is looked up on the type')
p()
