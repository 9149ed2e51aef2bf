# _pickle's Pickler and Unpickler objects: subclasses with persistent_id/persistent_load,
# reducer_override, dispatch_table, the memo proxies, fast mode, errors, sizes and gc tracking
import _pickle
import gc
import io
import pickle
import sys

print(pickle.Pickler is _pickle.Pickler, pickle.Unpickler is _pickle.Unpickler, pickle._HAVE_PICKLE_BUFFER)
print(_pickle.Pickler.__basicsize__, _pickle.Unpickler.__basicsize__, _pickle.PickleBuffer.__basicsize__)
print(_pickle.PicklingError.__mro__)
f = io.BytesIO()
p = _pickle.Pickler(f, 2)
print(sys.getsizeof(p), p.__sizeof__(), object.__sizeof__(p), gc.is_tracked(p), p.bin, p.fast)
p.dump([1, 2, 'x'])
print(f.getvalue(), p.__sizeof__())
m = p.memo
print(type(m).__name__, sorted(v[0] for v in m.copy().values()))
p.clear_memo()
print(len(p.memo.copy()))
u = _pickle.Unpickler(io.BytesIO(f.getvalue()))
print(sys.getsizeof(u), u.__sizeof__(), object.__sizeof__(u), gc.is_tracked(u))
print(u.load(), sorted(u.memo.copy()))


class P(_pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith('ext:'):
            return obj[4:]
        return None


class U(_pickle.Unpickler):
    def persistent_load(self, pid):
        return 'loaded ' + pid


for proto in range(6):
    f = io.BytesIO()
    P(f, proto).dump(['ext:one', 'plain', ('ext:two',)])
    print(proto, f.getvalue())
    print('  ', U(io.BytesIO(f.getvalue())).load())


class R(_pickle.Pickler):
    def reducer_override(self, obj):
        if obj is int:
            return (str, ('int was here',))
        return NotImplemented


f = io.BytesIO()
R(f, 4).dump([int, float])
print(f.getvalue(), pickle.loads(f.getvalue()))


class D(_pickle.Pickler):
    dispatch_table = {complex: lambda c: (str, ('complex %s' % c,))}


f = io.BytesIO()
D(f, 3).dump([1j, 2])
print(f.getvalue(), pickle.loads(f.getvalue()))

# fast mode: no memo
f = io.BytesIO()
p = _pickle.Pickler(f, 2)
p.fast = 1
s = 'shared'
p.dump([s, s])
print(f.getvalue())

# errors
for bad in [b'F0.0', b'L10', b'Vabc', b'P', b'\x80\x02', b'\x80\x02]q', b'\xff', b'X', b'(.', b'0.', b'\x80\x09N.', b'h\x05.', b'I12x\n.', b'S\'abc\n.',
            b'c__main__\nNoSuchName\n.', b'cno_such_module_xyz\nf\n.', b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N.']:
    try:
        print(repr(bad), pickle.loads(bad))
    except Exception as e:
        print(repr(bad), type(e).__name__, str(e).split(' from ')[0])


def local_factory():
    def inner():
        pass
    return inner


for obj in [local_factory(), lambda: 0, _pickle.Pickler]:
    try:
        _pickle.dumps(obj)
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0], str(e).split('>')[-1])
for proto in [6, 'x']:
    try:
        _pickle.dumps(1, proto)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _pickle.Pickler(io.BytesIO(), 4, buffer_callback=print)
except Exception as e:
    print(type(e).__name__, e)
try:
    _pickle.Pickler(42)
except Exception as e:
    print(type(e).__name__, e)
try:
    _pickle.Unpickler(42)
except Exception as e:
    print(type(e).__name__, e)


class NoInit(_pickle.Pickler):
    def __init__(self):
        pass


try:
    NoInit().dump(1)
except Exception as e:
    print(type(e).__name__, e)
deep = []
for _ in range(1200):
    deep = [deep]
try:
    _pickle.dumps(deep)
except RecursionError as e:
    print('RecursionError', e)

# a file with read and readline only
class Minimal:
    def __init__(self, data):
        self._f = io.BytesIO(data)
        self.read = self._f.read
        self.readline = self._f.readline


print(_pickle.Unpickler(Minimal(_pickle.dumps([1, 'a'], 0))).load(), _pickle.load(Minimal(_pickle.dumps((2,), 4))))


class C:
    pass


x = C()
x.attribute_name = 1
y = _pickle.loads(_pickle.dumps(x))
print([k for k in vars(y)][0] is [k for k in vars(x)][0])

# several pickles in one file
f = io.BytesIO()
for v in [1, 'two', [3]]:
    _pickle.dump(v, f, 4)
f.seek(0)
print(_pickle.load(f), _pickle.load(f), _pickle.load(f))
try:
    _pickle.load(f)
except EOFError as e:
    print('EOFError', e)

# refcounts around dumps and loads
x = object()
lst = [x, x]
before = sys.getrefcount(x)
data = _pickle.dumps(['abc', 1.5, (1, 2)])
print(sys.getrefcount(x) == before, _pickle.loads(data))

# PickleBuffer
b = bytearray(b'abc')
pb = _pickle.PickleBuffer(b)
print(bytes(pb), pb.raw().tobytes(), gc.is_tracked(pb))
bufs = []
data = _pickle.dumps(pb, 5, buffer_callback=bufs.append)
print(data, len(bufs))
print(type(_pickle.loads(data, buffers=bufs)).__name__)
print(_pickle.dumps(_pickle.PickleBuffer(b'xyz'), 5))
try:
    _pickle.dumps(pb, 4)
except Exception as e:
    print(type(e).__name__, e)
pb.release()
try:
    pb.raw()
except ValueError as e:
    print('ValueError', e)

# text protocol opcodes from pickle.py's own writer load the same
for proto in range(6):
    for v in [[1, 'a', (2, 3), {'k': None}], {'s': {1, 2}}, 2**70]:
        assert _pickle.loads(pickle._dumps(v, proto)) == v
print('pure-python pickles load')
