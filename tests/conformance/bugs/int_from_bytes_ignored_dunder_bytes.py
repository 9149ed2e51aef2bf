# int.from_bytes reads its argument as PyObject_Bytes does: the object's __bytes__ first (whose
# result must be bytes), then its buffer, then its items. refheap took only buffers and items, so an
# object with __bytes__ was "not iterable".
class ValidBytes:
    def __bytes__(self):
        return b'\x01\x00'


class SubBytes(bytes):
    pass


class BytesSubclassResult:
    def __bytes__(self):
        return SubBytes(b'\x02')


class InvalidBytes:
    def __bytes__(self):
        return 'abc'


class RaisingBytes:
    def __bytes__(self):
        1 / 0


class BytesWithOwn(bytes):
    def __bytes__(self):
        return b'\x07'


class Missing:
    pass


for o in (ValidBytes(), BytesSubclassResult(), InvalidBytes(), RaisingBytes(), BytesWithOwn(b'\x09'),
          SubBytes(b'\x03\x04'), bytearray(b'\x05'), [1, 2], (3,), iter([4]), Missing(), 5, '', 'ab', memoryview(b'\x06')):
    for order in ('big', 'little'):
        try:
            print(type(o).__name__, order, int.from_bytes(o, order), int.from_bytes(o, order, signed=True))
        except Exception as e:
            print(type(o).__name__, order, type(e).__name__, e)
print(int.from_bytes(ValidBytes()))


# bytes() and int.from_bytes of an object that cannot be iterated: PyBytes_FromObject's message,
# also when its __iter__ raises TypeError (a TypeError from the items stays as it is)
class BadIter:
    def __iter__(self):
        raise TypeError('mine')


class BadItems:
    def __iter__(self):
        return self

    def __next__(self):
        raise TypeError('from next')


for o in (Missing(), 5, BadIter(), BadItems(), [1, 'x'], [300]):
    for f in (bytes, bytearray, lambda x: int.from_bytes(x, 'big')):
        try:
            print(f(o))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
