# _struct as 3.11.7's: Struct.__init__ re-initialises a Struct (it was refused), Struct can be
# subclassed, pack_into/unpack_from's messages for negative and overflowing offsets (the needed
# size is unsigned: it was printed negative), 'p' copies all that fits (it stopped at 255 bytes),
# and _testcapi's C limits that test_struct's range messages quote.
import struct, sys, gc, _testcapi

def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

b = bytearray(10)
t(struct.pack_into, '<I', b, -2, 123)
t(struct.pack_into, '<B', b, -11, 123)
t(struct.pack_into, '20s', b, -15, b'')
t(struct.unpack_from, '<I', b, -2)
t(struct.unpack_from, '<I', b, -12)
t(struct.unpack_from, '<B', b, -11)
t(struct.unpack_from, '20s', b, -15)
t(struct.unpack_from, '<I', b, -4)
t(struct.unpack_from, '<I', b, 8)
t(struct.pack_into, '<I', b, sys.maxsize, 1)
t(struct.unpack_from, '<I', b, sys.maxsize)
t(struct.Struct('<I').unpack_from, b, -2)
t(struct.Struct('<I').pack_into, b, sys.maxsize - 1, 1)

p = struct.pack('1000p', b'x' * 1000)
print(len(p), p[:2], p.count(b'x'))
p = struct.pack('300p', b'x' * 256)
print(len(p), p[0], p.count(b'x'), p.count(b'\0'))
print(struct.unpack('300p', p)[0] == b'x' * 255, struct.pack('3p', b'abc'), struct.pack('p', b'abc'))

s = struct.Struct('i')
size0 = sys.getsizeof(s)
print(s.__init__('ii'), s.format, s.size, s.pack(1, 2), sys.getsizeof(s) - size0)
t(s.__init__)
print(s.__init__(format=b'hhh'), s.format, s.size)
t(s.__init__, 5)
t(s.__init__, 'i', 'j')
t(s.__init__, '@@')
print(s.format, s.size)
t(struct.Struct.__init__, 3, 'i')
print(struct.Struct.__init__, struct.Struct.__new__.__self__ is struct.Struct)

class T(struct.Struct):
    def __init__(self, f, x):
        super().__init__(f)
        self.x = x
o = T('hh', 5)
print(o.size, o.x, o.pack(1, 2), o.format, gc.is_tracked(o), type(o).__mro__[1:])
t(T, 'hh')
class U(struct.Struct):
    pass
u = U('i')
print(u.size, u.format, sys.getsizeof(u) - sys.getsizeof(struct.Struct('i')), u.__dict__)
u.__init__(b'qq')
print(u.size, u.format, u.unpack(bytes(16)))
t(U, fmt='i')
print(U(format='h').size)
t(struct.Struct, 'i', 'j')
t(struct.Struct)

for name in ('CHAR_MAX', 'CHAR_MIN', 'UCHAR_MAX', 'SHRT_MAX', 'SHRT_MIN', 'USHRT_MAX', 'INT_MAX', 'INT_MIN',
             'UINT_MAX', 'LONG_MAX', 'LONG_MIN', 'ULONG_MAX', 'LLONG_MAX', 'LLONG_MIN', 'ULLONG_MAX',
             'PY_SSIZE_T_MAX', 'PY_SSIZE_T_MIN', 'FLT_MAX', 'FLT_MIN', 'DBL_MAX', 'DBL_MIN', 'SIZEOF_TIME_T'):
    print(name, getattr(_testcapi, name))
t(struct.pack, 'h', _testcapi.SHRT_MAX + 1)
t(struct.pack, 'H', _testcapi.USHRT_MAX + 1)
