# array pickling: __reduce_ex__ (a list below protocol 3, _array_reconstructor with the machine bytes from 3),
# round trips through pickle (protocols 0-3) and copy, a subclass with its __dict__, the reconstructor's checks
# and its conversions from other machines' formats (byte order, size, UTF-16/32)
import array, pickle, copy, sys
A = array.array
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for code in array.typecodes:
    a = A(code, 'ab' if code == 'u' else [1, 2])
    r2, r3 = a.__reduce_ex__(2), a.__reduce_ex__(3)
    print(code, r2, r3[1][1:], r3[2])
    for p in range(4):
        b = pickle.loads(pickle.dumps(a, p))
        assert b == a and b.typecode == a.typecode and type(b) is A, (code, p)
print(pickle.dumps(A('i', [1]), 2))
print(pickle.dumps(A('h', [1, -1]), 3))
class Sub(A):
    pass
s = Sub('d', [1.5]); s.tag = [1]
for p in range(4):
    b = pickle.loads(pickle.dumps(s, p))
    print(p, type(b).__name__, b, b.tag, b.tag is not s.tag)
c = copy.copy(s); print(type(c).__name__, c, hasattr(c, 'tag'))
d = copy.deepcopy(A('q', [2**40])); print(d)
big = A('d', range(1000)); print(pickle.loads(pickle.dumps(big, 3)) == big)
rc = array._array_reconstructor
print(rc.__name__, rc.__module__, rc.__qualname__)
t(lambda: rc(A, 'i', 9, b'\0\0\0\1\xff\xff\xff\xff'))
t(lambda: rc(A, 'I', 7, b'\0\0\0\1'))
t(lambda: rc(A, 'l', 13, b'\x80' + b'\0' * 7))
t(lambda: rc(A, 'L', 11, b'\xff' * 8))
t(lambda: rc(A, 'h', 5, b'\x80\0'))
t(lambda: rc(A, 'H', 3, b'\x80\0'))
t(lambda: rc(A, 'i', 12, b'\1' + b'\0' * 7))
t(lambda: rc(A, 'b', 0, b'\xff'))
t(lambda: rc(A, 'B', 1, b'\xff'))
t(lambda: rc(A, 'f', 15, b'?\x80\0\0'))
t(lambda: rc(A, 'd', 17, b'?\xf0' + b'\0' * 6))
t(lambda: rc(A, 'd', 14, b'\0\0\x80?'))
t(lambda: rc(A, 'u', 18, 'hé'.encode('utf-16-le')))
t(lambda: rc(A, 'u', 19, 'hé'.encode('utf-16-be')))
t(lambda: rc(A, 'u', 21, 'x'.encode('utf-32-be')))
t(lambda: rc(A, 'i', 8, b'\1\0\0\0'))
t(lambda: rc(Sub, 'i', 8, b'\1\0\0\0'))
t(lambda: rc(A, 'i', 9, b'\1\0\0'))
t(lambda: rc(A, 'i', 8, b'\1\0\0'))
t(lambda: rc(A, 'i', 22, b''))
t(lambda: rc(A, 'i', -1, b''))
t(lambda: rc(A, 'x', 8, b''))
t(lambda: rc(A, 'ii', 8, b''))
t(lambda: rc(A, 1, 8, b''))
t(lambda: rc(list, 'i', 8, b''))
t(lambda: rc(5, 'i', 8, b''))
t(lambda: rc(A, 'i', 8, bytearray()))
t(lambda: rc(A, 'i', 8))
t(lambda: rc(A, 'i', 'x', b''))
t(lambda: A('i').__reduce_ex__(1.0))
t(lambda: A('i').__reduce_ex__(True))
t(lambda: A('i').__reduce_ex__())
t(lambda: A('i').__reduce_ex__(3, 4))
