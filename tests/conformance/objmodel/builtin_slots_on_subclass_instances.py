# A builtin type's slot or method applied to an instance of a Python subclass that overrides it
# runs the builtin's own operation on the instance's base layout, never the override.
import math

class MyList(list):
    def __len__(self): return 42
    def __getitem__(self, i): return 'own'
    def __mul__(self, n): return 'own'

class MyDict(dict):
    def __getitem__(self, k): return 'own'
    def __len__(self): return 42

class MyInt(int):
    def __add__(self, o): return 'own'
    def __divmod__(self, o): return 'own'
    def __round__(self, n=None): return 'own'
    def __trunc__(self): return 'own'

class MyFloat(float):
    def __round__(self, n=None): return 'own'
    def __divmod__(self, o): return 'own'
    def __floor__(self): return 'own'

class MyComplex(complex):
    def __abs__(self): return 'own'
    def __bool__(self): return False
    def __add__(self, o): return 'own'
    def __neg__(self): return 'own'

class MyStr(str):
    def __len__(self): return 42
    def __iter__(self): return iter('own')

class MyBytes(bytes):
    def __str__(self): return 'own'
    def __bytes__(self): return b'own'

class MyByteArray(bytearray):
    def __len__(self): return 42
    def __iadd__(self, o): return 'own'
    def __getitem__(self, i): return 'own'

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

l = MyList([1, 2, 3])
show('list.__len__', lambda: list.__len__(l))
show('list.__getitem__', lambda: list.__getitem__(l, 1))
show('list.__mul__', lambda: list.__mul__(l, 2))
show('list.__mul__ float', lambda: list.__mul__(l, 2.0))
show('list.__rmul__', lambda: list.__rmul__(l, 2))
show('len', lambda: (len(l), l[0], l * 2))
d = MyDict(a=1)
show('dict.__getitem__', lambda: dict.__getitem__(d, 'a'))
show('dict.__len__', lambda: dict.__len__(d))
i = MyInt(7)
show('int.__add__', lambda: int.__add__(i, 2))
show('int.__radd__', lambda: int.__radd__(i, 2))
show('int.__divmod__', lambda: int.__divmod__(i, 2))
show('int.__rdivmod__', lambda: int.__rdivmod__(i, 20))
show('int.__divmod__ float', lambda: int.__divmod__(i, 2.0))
show('int.__round__', lambda: int.__round__(i))
show('int.__round__ -1', lambda: int.__round__(i, -1))
show('int.__trunc__', lambda: (int.__trunc__(i), type(int.__trunc__(i)).__name__))
show('int.__floor__ int.__ceil__', lambda: (int.__floor__(i), int.__ceil__(i), int.__ceil__(5)))
show('divmod round math.trunc', lambda: (divmod(i, 2), round(i), math.trunc(i)))
f = MyFloat(2.5)
show('float.__round__', lambda: (float.__round__(f), float.__round__(f, 0), float.__round__(MyFloat(3.14159), 2)))
show('float.__divmod__', lambda: (float.__divmod__(f, 2), float.__rdivmod__(f, 7)))
show('float.__floor__ __ceil__ __trunc__', lambda: (float.__floor__(f), float.__ceil__(f), float.__trunc__(MyFloat(-2.5))))
show('float.__floor__ nan', lambda: float.__floor__(float('nan')))
show('float.__ceil__ inf', lambda: float.__ceil__(float('inf')))
show('round math.floor', lambda: (round(f), math.floor(f)))
c = MyComplex(3, 4)
show('complex.__abs__', lambda: complex.__abs__(c))
show('complex.__bool__', lambda: (complex.__bool__(c), complex.__bool__(MyComplex(0))))
show('complex.__add__', lambda: (complex.__add__(c, 1), complex.__radd__(c, 1j), complex.__sub__(c, 1), complex.__rtruediv__(c, 25)))
show('complex.__add__ str', lambda: complex.__add__(c, 'x'))
show('complex.__neg__ __pos__', lambda: (complex.__neg__(c), complex.__pos__(c), type(complex.__pos__(c)).__name__))
show('complex.__pow__', lambda: (complex.__pow__(c, 2), complex.__rpow__(c, 2)))
s = MyStr('abc')
show('str.__len__', lambda: str.__len__(s))
show('str.__iter__', lambda: (type(str.__iter__(s)).__name__, list(str.__iter__(s))))
show('iter types', lambda: (type(iter('abc')).__name__, type(iter('\xe9')).__name__, type(iter('\u20ac')).__name__, type(iter(MyStr('x'))).__name__))
b = MyBytes(b'abc')
show('bytes.__str__', lambda: (bytes.__str__(b), str(b)))
show('bytes.__bytes__', lambda: (bytes.__bytes__(b), type(bytes.__bytes__(b)).__name__, bytes(b), bytes.__bytes__(b'x')))
ba = MyByteArray(b'abc')
show('bytearray.__len__', lambda: bytearray.__len__(ba))
show('bytearray.__getitem__', lambda: (bytearray.__getitem__(ba, 0), bytearray.__getitem__(ba, slice(1, None))))
show('bytearray.__iadd__', lambda: bytearray.__iadd__(ba, b'd') is ba)
show('bytearray.__add__', lambda: (bytearray.__add__(ba, b'e'), bytearray.__mul__(ba, 2), bytearray.__rmul__(ba, 2)))
show('bytearray after', lambda: (bytes(ba), len(ba), ba[0]))
show('bytes.__mul__ float', lambda: bytes.__mul__(b'a', 1.5))

class Meta(type):
    def __repr__(cls):
        return 'Meta:' + super().__repr__()

class WithMeta(metaclass=Meta):
    pass

show('type.__repr__', lambda: (type.__repr__(WithMeta), repr(WithMeta), type.__repr__(int)))
