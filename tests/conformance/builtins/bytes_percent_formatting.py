# printf-style formatting of bytes and bytearray (bytes_mod): %s/%b take bytes-like objects or
# __bytes__, %r/%a ascii(repr()), %c an int in range(256) or one byte, the numeric conversions
# as str's, %(key) with bytes keys, and 3.11's errors.
import sys
x = b'abc'; print((x % ()) is x)
for f, a in [(b'%d %s %r %x', (1, b'ab', 'q', 255)), (b'%5b|%-4s|%.1s', (b'a', b'b', b'cd')), (b'%c%c', (65, b'z')), (b'%(k)s', {b'k': b'v'}), (b'%a', ('\xe9',)), (b'%s', ('str',)), (b'%c', (256,)), (b'%c', ('a',)), (b'%d', ('1',)), (b'%y', (1,)), (b'%s %s', (b'a',)), (b'%s', (b'a', b'b')), (b'%s', (memoryview(b'mv'),)), (b'%s', (bytearray(b'ba'),)), (b'%(k)s', {'k': 1}), (b'%f %e %g %o %X %i %u', (1.5, 2.5, 3.5, 8, 255, 3, 4)), (b'%%', ()), (b'%s', (5,)), (b'%s', b'xy'), (b'%d', 7), (b'%3c|', (66,)), (b'%r', (b'\xff',))]:
    try: print(repr(f % a))
    except Exception as e: print(type(e).__name__, e)
class B:
    def __bytes__(self): return b'BB'
print(b'%s' % B(), bytearray(b'%d') % 5, type(bytearray(b'x') % ()))
try: '%b' % (1,)
except ValueError as e: print(e)
r = b'%s-%s' % (b'a', b'b')
print(sys.getrefcount(r), type(r).__name__, len(r))
