# bytes results CPython 3.11 allocates and then fills (case mapping, replace, translate, join, expandtabs,
# padding, bytes(buffer), memoryview.tobytes, int.to_bytes) are new objects even of one byte; bytes_repeat
# makes its own object, b'' included; copies from existing bytes (slices, split, strip) use the cached ones
import sys
X = b'x'
E = b''
def show(name, r):
    print(name, r, 'E' if r is E else ('X' if r is X else ('cached' if len(r) == 1 and r is bytes([r[0]]) else 'new')))
a = b'xy'
cases = {
 'slice': lambda: a[:1], 'slice0': lambda: a[1:1], 'index-bytes': lambda: bytes(a[:1]),
 'repeat0': lambda: X * 0, 'repeat1': lambda: X * 1, 'emptyrep': lambda: E * 3,
 'concatE': lambda: X + E, 'Econcat': lambda: E + X, 'concat2': lambda: E + b'y'[:1],
 'lower': lambda: X.lower(), 'upper': lambda: X.upper(), 'upper2': lambda: b'X'.upper(), 'swapcase': lambda: X.swapcase(),
 'capitalize': lambda: X.capitalize(), 'title': lambda: X.title(),
 'strip': lambda: b' x '.strip(), 'strip-none': lambda: X.strip(), 'lstrip': lambda: b' x'.lstrip(), 'rstrip': lambda: b'x '.rstrip(),
 'stripall': lambda: b'  '.strip(),
 'replace': lambda: b'y'.replace(b'y', b'x'), 'replace-none': lambda: X.replace(b'q', b'r'), 'replace-del': lambda: b'xy'.replace(b'y', b''),
 'replace-empty': lambda: b'y'.replace(b'y', b''),
 'translate': lambda: b'y'.translate(bytes.maketrans(b'y', b'x')), 'translate-none': lambda: X.translate(None), 'translate-del': lambda: b'xy'.translate(None, b'y'),
 'center': lambda: X.center(1), 'ljust0': lambda: X.ljust(0), 'zfill': lambda: X.zfill(1), 'zfill-e': lambda: E.zfill(0),
 'expandtabs': lambda: X.expandtabs(), 'join1': lambda: b''.join([X]), 'join-sep': lambda: b','.join([X]),
 'join2': lambda: b''.join([E, X]), 'join-list-e': lambda: b''.join([E, E]),
 'split': lambda: b'x y'.split()[0], 'split-sep': lambda: b'x,y'.split(b',')[0], 'split-none': lambda: X.split()[0], 'partition': lambda: b'x,y'.partition(b',')[0],
 'partition-miss': lambda: X.partition(b',')[0], 'partition-miss-e': lambda: X.partition(b',')[1], 'rpartition': lambda: X.rpartition(b',')[2],
 'splitlines': lambda: b'x\ny'.splitlines()[0], 'fromhex': lambda: bytes.fromhex('78'), 'fromhex0': lambda: bytes.fromhex(''),
 'bytes-list': lambda: bytes([120]), 'bytes-str': lambda: bytes('x', 'ascii'), 'encode': lambda: 'x'.encode(), 'encode0': lambda: ''.encode(),
 'encode-latin': lambda: 'x'.encode('latin-1'), 'bytes-ba': lambda: bytes(bytearray(b'x')), 'bytes-mv': lambda: bytes(memoryview(b'xy')[:1]),
 'mv-tobytes': lambda: memoryview(b'xy')[:1].tobytes(), 'ba-bytes0': lambda: bytes(bytearray()), 'int-to-bytes': lambda: (120).to_bytes(1, 'big'),
 'int-to-bytes0': lambda: (0).to_bytes(0, 'big'), 'mod': lambda: b'%s' % b'x', 'mod0': lambda: b'%s' % b'', 'removeprefix': lambda: b'yx'.removeprefix(b'y'),
 'removeprefix-none': lambda: X.removeprefix(b'q'), 'removesuffix': lambda: b'xy'.removesuffix(b'y'), 'ba-join': lambda: bytes(b''.join([bytearray(b'x')])),
 'hex-back': lambda: bytes.fromhex(X.hex()),
}
for k, f in cases.items():
    try:
        show(k, f())
    except Exception as e:
        print(k, type(e).__name__, e)
extra = {'ljust-e': lambda: E.ljust(1), 'zfill-e1': lambda: E.zfill(1), 'center-e': lambda: E.center(1, b'x'), 'bytes-int': lambda: bytes(1),
         'bytes-int0': lambda: bytes(0), 'repeat-neg': lambda: X * -5, 'repeat-sub': lambda: type('B', (bytes,), {})(b'x') * 1,
         'lower-e': lambda: E.lower(), 'translate-all': lambda: X.translate(None, b'x')}
for k, f in extra.items():
    r = f()
    print(k, r, type(r).__name__, 'E' if r is E else ('X' if r is X else ('cached' if len(r) == 1 and r is bytes([r[0]]) else 'new')))
import tracemalloc
tracemalloc.start(1)
def alloc(n):
    data = b'x' * n
    return data
d = alloc(-3)
print(len(d), tracemalloc.get_object_traceback(d) is not None)
tracemalloc.stop()
