# float() and complex() read a str's Unicode digits and spaces (_PyUnicode_TransformDecimalAndSpaceToASCII), a
# bytes' only ASCII spaces, underscores only between digits; format(x, ".N") with no type is "g" with
# Py_DTSF_ADD_DOT_0; round() takes number= and ndigits=; argument clinic's keyword errors in its order; a float
# or tuple subclass with an __init__ of its own takes keywords; _testcapi.float_pack/float_unpack (test_float).
for s in ['  ٣.١٤  ', '١٢', '\u2003 12 \u3000', '1_000.5', '\uff11\uff12']:
    for f in (float, int, complex):
        try: print(f.__name__, repr(f(s)))
        except Exception as e: print(f.__name__, type(e).__name__, e)
print(round(number=2.675, ndigits=2), round(number=7))
try: round(1, nd=2)
except TypeError as e: print(e)
class F(float):
    def __new__(cls, value, newarg=None):
        self = super().__new__(cls, value)
        self.newarg = newarg
        return self
f = F(1.5, newarg=3); print(f, f.newarg)
class F2(float):
    pass
try: F2(1.0, x=1)
except TypeError as e: print(e)
class T(tuple):
    def __new__(cls, seq, newarg=None):
        self = super().__new__(cls, seq); self.newarg = newarg; return self
t = T([1], newarg=2); print(t, t.newarg)
class T2(tuple):
    def __init__(self, seq, newarg=None):
        self.newarg = newarg
try: print(T2([1], newarg=2))
except TypeError as e: print(e)
for v in [0.0, -0.0, 5.0, 0.5, 9.99, 99.5, 1e-5, 1234.56, 1.5]:
    print(format(v, '.1'), format(v, '.2'), format(v, '.3'), format(v, '.4'))
for b in [b'123\xa0', b'\x1c12', b' \x0c12 \x0b', b'1__2', b'1_2']:
    try: print(float(b))
    except ValueError as e: print('ValueError', e)
for s in ['1_2.5', '1__2', '_1', '1_', '1_.5', '١_٢']:
    try: print(float(s))
    except ValueError as e: print('ValueError', e)
import _testcapi
print(_testcapi.float_pack(2, 1.5, 0), _testcapi.float_pack(4, 1.5, 1), _testcapi.float_pack(8, -0.0, 0))
print(_testcapi.float_unpack(b'\x00\x3e', 0), _testcapi.float_unpack(b'\x00\x00\xc0\x3f', 1))
for args in [(3, 1.0, 0), (2, 1e10, 0)]:
    try: _testcapi.float_pack(*args)
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
try: _testcapi.float_unpack(b'abc', 0)
except ValueError as e: print(type(e).__name__, e)
for call in ['round(1, nd=2)', 'round()', 'round(1, number=2)', 'complex(xx=1)', 'compile("1", "f", "eval", xx=1)', 'compile(zz=1)']:
    try: eval(call)
    except TypeError as e: print(call, '->', e)
