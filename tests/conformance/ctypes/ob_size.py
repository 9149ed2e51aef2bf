# For variable-size objects the third word, ob_size, holds the length (lists, tuples, bytes, int digits).
import ctypes
def word(o, k):
    return ctypes.c_ssize_t.from_address(id(o) + 8 * k).value
print(word([1, 2, 3], 2), word((1, 2, 3, 4), 2), word(b'hello', 2))
print(word(2 ** 40, 2), word(-(2 ** 40), 2), word(5, 2))
l = []
for i in range(10):
    l.append(i)
print(word(l, 2), word(l, 4))
