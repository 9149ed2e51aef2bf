# Every reader of __index__ in 3.11 goes through _PyNumber_Index: a strict int subclass returned
# (True, say) is taken with a DeprecationWarning, anything else not an int is TypeError
# "__index__ returned non-int (type T)". refheap's bin/oct/hex, sequence indexes, slice bounds,
# PyFloat_AsDouble's fallback (math, complex) and the memoryview and module readers checked the
# result themselves, with no warning.
import math
import warnings


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


def show(label, f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            r = f()
            print(label, repr(r), end=' ')
        except Exception as e:
            print(label, type(e).__name__, e, end=' ')
    print([x.category.__name__ for x in w])


t, s = Idx(True), Idx('x')
show('bin', lambda: bin(t))
show('oct', lambda: oct(t))
show('hex', lambda: hex(t))
show('hex bad', lambda: hex(s))
show('list index', lambda: [10, 20][t])
show('list index bad', lambda: [10, 20][s])
show('tuple index', lambda: (10, 20)[t])
show('str index', lambda: 'ab'[t])
show('slice', lambda: [1, 2, 3, 4][t:Idx(True)])
show('slice bad', lambda: [1, 2, 3][s:])
show('slice stop', lambda: 'abcdef'[:Idx(True)])
show('math.sqrt', lambda: math.sqrt(Idx(True)))
show('math.sqrt bad', lambda: math.sqrt(s))
show('complex', lambda: complex(Idx(True)))
show('complex bad', lambda: complex(s))
show('memoryview set', lambda: memoryview(bytearray(2)).__setitem__(0, Idx(True)))
m = memoryview(bytearray(b'ab'))
show('memoryview index', lambda: m[t])
show('bytes index', lambda: b'ab'[t])
show('range index', lambda: range(5)[t])
show('int', lambda: int(t))
show('operator.index', lambda: __import__('operator').index(t))
show('bytearray(n)', lambda: bytearray(Idx(True)))
show('repeat', lambda: [0] * Idx(True))
show('bytes(n)', lambda: bytes(Idx(True)))
show('bytes(idx)', lambda: (bytes(Idx(3)), bytearray(Idx(2))))
show('bytes(bad idx)', lambda: bytes(Idx('x')))
show('bytearray(bad idx)', lambda: bytearray(Idx('x')))
show('bytes(neg)', lambda: bytes(Idx(-1)))
show('bytes(huge)', lambda: bytes(Idx(2**70)))
