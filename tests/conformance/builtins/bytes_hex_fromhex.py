# bytes/bytearray/memoryview hex with separators, and fromhex
data = bytes(range(250, 256)) + b"\x00\x01"
print(data.hex(), data.hex(":"), data.hex("-", 2), data.hex(" ", -3), data.hex(b"|", 3), bytearray(data).hex(), memoryview(data).hex())
print(bytes.fromhex("de ad BE EF"), bytearray.fromhex("0001ff"), bytes.fromhex(""), type(bytearray.fromhex("aa")).__name__)
for bad in [lambda: bytes.fromhex("abc"), lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("a b"), lambda: data.hex("::"), lambda: bytes.fromhex(b"aa")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
