# memoryview == another exporter (an array) compares through that exporter's buffer with its own
# format, as memory_richcompare does; refheap compared only with bytes and bytearray and answered
# NotImplemented for the rest (False). And an __index__, __float__ or __bool__ that releases the
# view while an item is read or written made refheap read or write the buffer given back; 3.11
# checks the view again: ValueError "operation forbidden on released memoryview object".
import array

for code in 'bBhHiIlLqQfd':
    a = array.array(code, [1, 2, 3])
    m = memoryview(a)
    print(code, m == array.array(code, [1, 2, 3]), m != array.array(code, [1, 2, 3]),
          m == array.array(code, [1, 2]), m == array.array(code, [1, 2, 4]), m[1:] == array.array(code, [2, 3]),
          array.array(code, [1, 2, 3]) == m, m == array.array('q', [1, 2, 3]), m == [1, 2, 3], m == b'\x01\x02\x03')
m = memoryview(array.array('d', [float('nan')]))
print(m == m, m == array.array('d', [float('nan')]))
print(memoryview(b'abc') == array.array('B', b'abc'), memoryview(b'abc') == array.array('b', b'abc'))
print(memoryview(array.array('i', list(b'abcdef'))) == array.array('i', list(b'abcdef')))

size = 128
ba = None


def check(label, f):
    global ba, m
    ba = None
    try:
        r = f()
        print(label, 'no error', r)
    except ValueError as e:
        print(label, 'ValueError', e)
    except Exception as e:
        print(label, type(e).__name__, e)


def release():
    global ba
    m.release()
    ba = bytearray(size)


class MyIndex:
    def __index__(self):
        release()
        return 4


class MyFloat:
    def __float__(self):
        release()
        return 4.25


class MyBool:
    def __bool__(self):
        release()
        return True


m = memoryview(bytearray(b'\xff' * size))
check('getitem', lambda: m[MyIndex()])
m = memoryview(bytearray(b'\xff' * size))
check('slice', lambda: list(m[:MyIndex()]))
m = memoryview(bytearray(b'\xff' * size)).cast('B', (64, 2))
check('tuple', lambda: m[MyIndex(), 0])
m = memoryview(bytearray(b'\xff' * size))
check('setitem', lambda: m.__setitem__(MyIndex(), 42))
m = memoryview(bytearray(b'\xff' * size))
check('setslice', lambda: m.__setitem__(slice(None, MyIndex()), b'spam'))
m = memoryview(bytearray(b'\xff' * size)).cast('B', (2, 64))
check('settuple', lambda: m.__setitem__((0, MyIndex()), 42))
for fmt in 'bhilqnBHILQN':
    m = memoryview(bytearray(b'\xff' * size)).cast(fmt)
    check('value ' + fmt, lambda: m.__setitem__(0, MyIndex()))
for fmt in 'fd':
    m = memoryview(bytearray(b'\xff' * size)).cast(fmt)
    check('value ' + fmt, lambda: m.__setitem__(0, MyFloat()))
m = memoryview(bytearray(b'\xff' * size)).cast('?')
check('value ?', lambda: m.__setitem__(0, MyBool()))
