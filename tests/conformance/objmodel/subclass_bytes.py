# A bytes subclass's instances: PyBytesObject (33 bytes + the bytes), the dict pointer after the
# bytes (basicsize 41, tp_dictoffset -8, no __weakref__ since bytes' items vary); getsizeof follows
# tp_basicsize; bytes' methods and operators give exact bytes; __new__ overrides; hashing as bytes.
import gc
import sys


class B(bytes):
    pass


class Slotted(bytes):
    __slots__ = ()


print(bytes.__basicsize__, bytes.__itemsize__, B.__basicsize__, B.__itemsize__, B.__dictoffset__, B.__weakrefoffset__)
print(Slotted.__basicsize__, Slotted.__dictoffset__)
for v in (b'', b'a', b'abc', b'x' * 7, b'x' * 8, b'y' * 100):
    print(len(v), sys.getsizeof(v), sys.getsizeof(B(v)), sys.getsizeof(Slotted(v)))
b = B(b'hello')
print(gc.is_tracked(b'hello'), gc.is_tracked(b), gc.is_tracked(Slotted(b'q')), sys.getrefcount(b), gc.get_referents(b) == [B])
b.note = 'n'
print(gc.get_referents(b) == [{'note': 'n'}, B], b.__dict__, sys.getsizeof(b))
results = [b + b'!', b'!' + b, b + b'', b * 2, b * 1, b[:], b[1:3], b.upper(), b.strip(), b.replace(b'l', b'L'),
           b.replace(b'q', b'r'), bytes(b), b.join([b'1', b'2']), b'-'.join([b, b])]
for r in results:
    print(type(r).__name__, r)
print(b[0], list(B(b'ab')), len(b), b'ell' in b, b == b'hello', b'hello' == b, b < b'z', hash(b) == hash(b'hello'))
print(b, repr(b), str(b), b.decode(), b.hex(), b.split(b'l'), b.startswith(B(b'he')), b.find(B(b'l')), int(B(b'12')), int(B(b'ff'), 16))
print({b: 1}[b'hello'], {b'hello': 2}[b], B(3), B([65, 66]), B('é', 'utf-8'), B(), bool(B()), bool(b), ord(B(b'x')))


class Packet(bytes):
    def __new__(cls, payload, kind):
        self = super().__new__(cls, payload)
        self.kind = kind
        return self

    def __repr__(self):
        return f'Packet({bytes(self)!r}, {self.kind})'


p = Packet(b'\x01\x02', 'ping')
print(p, [p], p.kind, len(p), p + b'\x03', sys.getsizeof(p), sys.getrefcount(p))
a = B(b'cycle')
a.me = a
del a
print(gc.collect())
