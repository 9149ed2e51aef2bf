# `b'ell' in b'hello'` was False: bytes had no sq_contains of its own, so `in` iterated the ints
# and compared each with the bytes operand. bytes_contains takes an int or any bytes-like object.
print(b'ell' in b'hello', b'' in b'x', b'xyz' in b'hello', 101 in b'hello', bytearray(b'lo') in b'hello')
print(memoryview(b'he') in b'hello', b'lo' in bytearray(b'hello'))
try:
    'e' in b'hello'
except TypeError as e:
    print('TypeError:', e)
try:
    300 in b'hello'
except ValueError as e:
    print('ValueError:', e)
