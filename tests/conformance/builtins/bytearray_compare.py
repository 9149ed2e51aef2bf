# bytearray compares with bytes and bytearray by content, in both directions and in containers
b = bytearray(b"abc")
print(b == b"abc", b"abc" == b, b != b"abd", b < b"abd", b"abd" > b, b == bytearray(b"abc"), b == "abc")
print([b] == [b"abc"], (b"abc",) == (b,), b"abc" in [b], b in [b"abc"])
print(b"b" in b, 98 in b, b"bd" in b, bytearray(b"") in b, bool(bytearray()), bool(b))
print(sorted([bytearray(b"b"), b"a", bytearray(b"c")]))
print(list(b), [x for x in bytearray(b"\x00\xff")], len(b), b[1], b[-1:], b[::-1], b[1:2] == b"b")
