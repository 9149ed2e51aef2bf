# int methods on bools and big ints: to_bytes of large values, from_bytes round trips, bit_count of negatives
for v in [0, 1, -1, 255, -256, 2 ** 64, -(2 ** 64) + 1, 10 ** 30]:
    n = (v.bit_length() + 8) // 8
    b = v.to_bytes(n, "little", signed=True)
    print(v, b.hex(), int.from_bytes(b, "little", signed=True) == v, v.bit_count())
print(True.to_bytes(1, "big"), True.bit_length(), (5).to_bytes(2, byteorder="little"), int.from_bytes(b"\x00\x01", byteorder="big"))
