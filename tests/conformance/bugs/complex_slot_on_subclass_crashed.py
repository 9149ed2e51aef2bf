# complex.__abs__/__bool__ applied to a complex subclass instance read it as an int (an internal
# error); bytes() ignored __bytes__; iter() of a non-ASCII str was a str_ascii_iterator.
class C(complex):
    def __complex__(self): return 1j

x = C(3, 4)
print(complex.__abs__(x), complex.__bool__(x), complex.__bool__(C(0)), abs(x), bool(x))

class WithBytes:
    def __bytes__(self): return b'made'

class Sub(bytes):
    pass

class SubWithBytes(bytes):
    def __bytes__(self): return Sub(b'sub')

class Bad:
    def __bytes__(self): return 1

b = b'ab'
print(bytes(b) is b, bytes(WithBytes()), bytes(Sub(b'z')), type(bytes(Sub(b'z'))).__name__)
print(bytes(SubWithBytes(b'q')), type(bytes(SubWithBytes(b'q'))).__name__)
try:
    bytes(Bad())
except TypeError as e:
    print(e)
for s in ('abc', '\xe9t\xe9', '\u20ac', ''):
    it = iter(s)
    print(type(it).__name__, list(it))
