# slice objects index lists, tuples, strs, bytes, bytearrays, ranges and memoryviews alike
s = slice(1, None, 2)
for seq in [list(range(8)), tuple(range(8)), "abcdefgh", b"abcdefgh", bytearray(b"abcdefgh")]:
    print(type(seq).__name__, seq[s], seq[slice(-3, None)], seq[slice(None, None, -3)])
print(memoryview(b"abcdefgh")[s].tobytes())
l = list(range(6))
l[slice(0, 2)] = ["x"]
del l[slice(None, None, 2)]
print(l)
