# bytearray: 56 bytes plus its allocation, grown and shrunk as PyByteArray_Resize does
import sys
sizes = []
b = bytearray()
sizes.append(sys.getsizeof(b))
for i in range(40):
    b.append(i)
    sizes.append(sys.getsizeof(b))
print(sizes)
print(sys.getsizeof(bytearray(b"abc")), sys.getsizeof(bytearray(10)), sys.getsizeof(bytearray([1, 2, 3])), sys.getsizeof(bytearray(range(20))))
b = bytearray(range(20))
b.extend([1, 2, 3])
print(sys.getsizeof(b), len(b))
del b[:10]
print(sys.getsizeof(b), len(b))
b += b"xyz"
print(sys.getsizeof(b), len(b))
del b[2:]
print(sys.getsizeof(b), len(b))
b.clear()
print(sys.getsizeof(b), b.__alloc__())
c = bytearray(b"x" * 100)
while len(c) > 3:
    c.pop()
print(sys.getsizeof(c))
