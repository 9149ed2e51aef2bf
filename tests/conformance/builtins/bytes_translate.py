# bytes.translate / bytearray.translate (re's charset bitmaps use bytearray.translate): tables,
# delete, identity results, argument errors, and the refcount of an unchanged exact bytes.
import sys

t = bytes.maketrans(b'abc', b'xyz')
b = b'aabbccdd'
print(b.translate(t), b.translate(t, b'd'), b.translate(None, b'ab'), b.translate(None, delete=b'c'))
print(bytearray(b).translate(t), bytearray(b).translate(None, delete=b'b'), type(bytearray(b).translate(None)))
u = b'qqq'
before = sys.getrefcount(u)
r = u.translate(None)
print(r is u, u.translate(bytes(range(256))) is u, u.translate(None, b'') is u, sys.getrefcount(u) - before)
ba = bytearray(b'qqq')
print(ba.translate(None) is ba, ba.translate(None) == ba)
print(b'0101'.translate(b'\x00\x01' + bytes(254) if False else bytes.maketrans(b'01', b'\x00\x01')))
for f in [lambda: b''.translate(), lambda: b'a'.translate(None, b'a', b'c'), lambda: b'a'.translate(b'x'),
          lambda: b'a'.translate(None, x=1), lambda: b'a'.translate(1), lambda: b'a'.translate(None, 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
# int() with an explicit base takes bytes and bytearray (re._compiler: _int(bits[i - 32:i], 2))
bits = bytearray(b'0110').translate(bytes.maketrans(b'01', b'01'))
print(int(bits, 2), int(b'ff', 16), int(bytearray(b' 7 '), 8))
try:
    int([1], 2)
except TypeError as e:
    print(e)
