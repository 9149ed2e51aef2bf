# memoryview ==: shapes must agree, items compare as Python values whatever the formats; hashing
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

one = memoryview(bytes([1, 0, 0, 0, 2, 0, 0, 0]))
print(one.cast("i") == one.cast("i"), one.cast("i") == [1, 2], one == bytes([1, 0, 0, 0, 2, 0, 0, 0]))
print(one.cast("i") == memoryview(bytes([1, 2])), one.cast("i") == memoryview(bytes([1, 2, 0])))
print(one.cast("i") == memoryview(bytes(8)).cast("d"), memoryview(bytes(8)).cast("d") == memoryview(bytes(8)).cast("q"))
print(one.cast("i", [1, 2]) == one.cast("i", [2, 1]), one.cast("i", [1, 2]) == one.cast("i", [1, 2]))
print(one.cast("c") == one, one.cast("c") == one.cast("c"), b"\x01\x00\x00\x00\x02\x00\x00\x00" == one.cast("B"))
print(one.cast("?") == one, one.cast("b") == one)
nan = memoryview(bytearray(8)).cast("d")
nan[0] = float("nan")
print(nan == nan, nan.tolist() == nan.tolist(), nan != nan)
big = memoryview(bytearray(b"\xff" * 8)).cast("Q")
print(big == memoryview(bytearray(b"\xff" * 8)).cast("q"), big == memoryview(bytearray(b"\xff" * 8)).cast("Q"))
r = memoryview(b"ab")
r2 = memoryview(b"ab")
r2.release()
print(r2 == r2, r2 == r, r == r2)
t(lambda: r < r)
t(lambda: hash(memoryview(b"abcd").cast("i")))
print(hash(memoryview(b"abcd").cast("c")) == hash(b"abcd"), hash(memoryview(b"abcd").cast("b")) == hash(b"abcd"))
print(hash(memoryview(b"abcd").cast("B", [2, 2])) == hash(b"abcd"), hash(memoryview(b"abcdef")[::2]) == hash(b"ace"))
t(lambda: hash(memoryview(bytearray(b"ab"))))
t(lambda: hash(memoryview(bytearray(b"ab")).toreadonly()))
