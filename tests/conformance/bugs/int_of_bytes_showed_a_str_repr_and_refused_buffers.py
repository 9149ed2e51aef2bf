# int() of bytes showed the text as a str repr where CPython (_PyLong_FromBytes) shows a bytes repr
# (pickletools' read_decimalnl_short doctest), refused bytearray, memoryview and other buffers
# (PyNumber_Long takes any buffer), and did not cut the repr to 200 characters (%.200R).
import array
class B(bytes): pass
class BA(bytearray): pass
for x in [b'1234L', bytearray(b'12x'), b'  1_2 x\n', b'\xff1', memoryview(b'12a'), B(b'zz'), BA(b'q1'),
          b'x' * 600, 'x' * 600, bytearray(b'y' * 300), '\xe9' * 300, '\U0001f600' * 300, b"it's", array.array('b', [49, 97]),
          b'', ' ', 'ab\x00c']:
    try:
        print(int(x))
    except ValueError as e:
        s = str(e)
        print(len(s), s[:60], s[-8:])
for x in [b'1234L', bytearray(b'ff'), 'fg', b'0x1F', bytearray(b'0b2')]:
    try:
        print(int(x, 16), int(x, 0))
    except ValueError as e:
        print(e)
print(int(b' 12 '), int(bytearray(b'-3')), int(memoryview(b'7_0')), int(array.array('B', [52, 50])), int(B(b'5')), int(BA(b'6')))
try:
    int(memoryview(b'12'), 10)
except TypeError as e:
    print(e)
