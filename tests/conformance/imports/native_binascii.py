# binascii (refheap native module): hex with separators, base64 (lenient and strict), crc32/crc_hqx, Error classes
import binascii as B
print(B.hexlify(b'\x01\xab\xff'), B.b2a_hex(b''), B.hexlify(b'abcdef', '-'), B.hexlify(b'abcdef', b':', 2), B.hexlify(b'abcde', '_', -2), B.hexlify(b'abcde', ' ', 2), B.hexlify(bytearray(b'xy')), B.hexlify(memoryview(b'z')))
print(B.unhexlify(b'01abFF'), B.a2b_hex('00ff'), B.unhexlify(''))
print(B.b2a_base64(b'hello'), B.b2a_base64(b'', newline=False), B.b2a_base64(b'ab', newline=False), B.b2a_base64(bytes(range(60))))
print(B.a2b_base64(b'aGVsbG8=\n'), B.a2b_base64('aGVs bG8='), B.a2b_base64(b'YWI='), B.a2b_base64(b'YWI=junk'), B.a2b_base64(b'Y!W@I#='), B.a2b_base64(b'YQ==='), B.a2b_base64(''))
print(B.crc32(b'hello'), B.crc32(b''), B.crc32(b'world', B.crc32(b'hello ')), B.crc32(b'x', -1), B.crc_hqx(b'hello', 0), B.crc_hqx(b'abc', 0xffff), B.crc_hqx(b'', 0x12345))
print(B.Error, B.Error.__mro__, B.Incomplete.__mro__)
for bad in ['B.unhexlify(b"abc")', 'B.unhexlify(b"zz")', 'B.unhexlify(1)', 'B.unhexlify("é")', 'B.hexlify("ab")', 'B.hexlify(b"a", "--")', 'B.a2b_base64(b"abc")', 'B.a2b_base64(b"a")', 'B.a2b_base64(b"abcde")', 'B.a2b_base64(b"=YWI=", strict_mode=True)', 'B.a2b_base64(b"YWI=x", strict_mode=True)', 'B.a2b_base64(b"Y!WI", strict_mode=True)', 'B.a2b_base64(b"YW=I", strict_mode=True)', 'B.b2a_base64("x")', 'B.crc32("x")']:
    try: print(bad, eval(bad))
    except Exception as e: print(bad, type(e).__name__, e)
