# _struct (refheap native module): formats (native alignment, standard sizes), pack/unpack of every code, pack_into/unpack_from offsets, iter_unpack, Struct and unpack_iterator layouts, struct.error messages as CPython 3.11 words them
import _struct, sys, gc
S = _struct.Struct
s = S('<hhl'); print(sys.getsizeof(s), sys.getsizeof(S('')), sys.getsizeof(S('10s')), sys.getsizeof(S('iii')), sys.getsizeof(S('3i')), gc.is_tracked(s), gc.get_referents(s), S, _struct.error, _struct.error.__mro__)
it = s.iter_unpack(b'\0'*16); print(type(it), sys.getsizeof(it), gc.is_tracked(it), [type(r).__name__ for r in gc.get_referents(it)], it.__length_hint__(), list(it), it.__length_hint__())
print(s.format, s.size, S(b'>i').format)
for f in ['i', 'bhi', 'ic', 'iq', 'cd', 'xi', '@3s', '?P', '<hhl', '>Qd', '!e', '5p', 'nN', '0i', 'l h', 'hi0l', '=bi']:
    print(f, _struct.calcsize(f), end='; ')
print()
vals = [('<bBhHiIlLqQ', (-1, 255, -300, 65000, -2**31, 2**32 - 1, -5, 7, -2**63, 2**64 - 1)), ('>bBhHiIlLqQ', (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), ('@bhiqnNP', (-3, 300, -70000, 2**40, -8, 9, 4096)),
        ('<?ce', (True, b'z', 1.5)), ('>fd', (3.25, -0.1)), ('<5s3p', (b'hello world', b'abcdef')), ('2s2p', (b'', b'')), ('<e', (65504.0,)), ('>e', (1e-7,)), ('<e', (float('inf'),)), ('<d', (float('nan'),))]
for f, v in vals:
    b = _struct.pack(f, *v); print(f, b, _struct.unpack(f, b))
print(_struct.unpack('<e', b'\x00\x7e'), _struct.unpack('<?', b'\x02'), _struct.unpack_from('<h', b'\x01\x02\x03', 1), _struct.unpack_from('<h', b'\x01\x02\x03', offset=-2))
ba = bytearray(8); _struct.pack_into('<hh', ba, 2, 1, -1); print(ba); _struct.pack_into('<h', ba, -2, 7); print(ba)
print(S('<ii').pack(1, 2), S('<ii').unpack(b'\x01\x00\x00\x00\x02\x00\x00\x00'), list(_struct.iter_unpack('<h', b'\x01\x00\x02\x00')), S('i').unpack_from(b'\0\0\0\0\1\0\0\0', 4))
print(_struct.pack('<i', True), _struct.pack('<d', 2), _struct.pack('<q', 2**63 - 1))
for bad in ['_struct.pack("h", 40000)','_struct.pack("<h", 40000)','_struct.pack(">h", 40000)','_struct.pack("H", -1)','_struct.pack("<H", 70000)','_struct.pack(">H", 70000)','_struct.pack(">H", -1)','_struct.pack("I", -1)','_struct.pack("<I", -1)','_struct.pack("I", 2**32)','_struct.pack("<I", 2**32)','_struct.pack(">I", 2**32)','_struct.pack("b", 200)','_struct.pack("B", -1)','_struct.pack("i", 2**31)','_struct.pack("<i", 2**31)','_struct.pack(">i", 2**31)','_struct.pack("q", 2**63)','_struct.pack("<q", 2**63)','_struct.pack(">q", 2**63)','_struct.pack("<Q", -1)','_struct.pack(">Q", -1)','_struct.pack("Q", -1)','_struct.pack("l", 2**63)','_struct.pack("<l", 2**31)','_struct.pack(">L", 2**32)','_struct.pack("<L", -1)','_struct.pack("i", 1.5)','_struct.pack("i")','_struct.pack("i", 1, 2)','_struct.pack("c", b"ab")','_struct.pack("c", "a")','_struct.pack("s", 1)','_struct.pack("p", "x")','_struct.pack("z", 1)','_struct.pack("<n", 1)','_struct.unpack("i", b"")','_struct.calcsize("3")','_struct.pack("e", 1e10)','_struct.pack("<f", 1e300)','_struct.pack("f", 1e300)','_struct.pack("?", [])','_struct.pack(1)','_struct.calcsize("999999999999999999999i")', '_struct.pack("d", "x")', '_struct.pack_into("i", bytearray(2), 0, 1)', '_struct.pack_into("i", bytearray(8), -2, 1)', '_struct.pack_into("i", bytearray(8), -9)', '_struct.pack_into("i", b"12345678", 0, 1)', '_struct.unpack_from("i", b"123", 1)', '_struct.unpack_from("i", b"123", -5)', '_struct.iter_unpack("i", b"12345")', '_struct.iter_unpack("", b"")', '_struct.unpack("i", "abcd")', '_struct.calcsize([])', 'S("\\xe9")', 'S("i\\0")', '_struct.calcsize("3 i")']:
    try: print(bad, eval(bad))
    except Exception as e: print(bad, type(e).__name__, e)
class I:
    def __index__(self): return 5
print(_struct.pack('<i', I()), _struct.pack('<d', 1))
