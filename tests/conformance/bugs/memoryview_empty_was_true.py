# bool(memoryview) is its length (sq_length), so an empty view is false and a released one raises;
# refheap made every view true, and _pyio's TextIOWrapper read of a raw stream returning
# memoryviews never saw the end (test_io's PyTextIOWrapperTest.test_read_byteslike hung)
import _pyio
import array
import io

print(bool(memoryview(b"")), bool(memoryview(b"ab")), bool(memoryview(b"ab")[1:1]), not memoryview(bytearray()))
print(bool(memoryview(array.array("i"))), bool(memoryview(array.array("i", [0]))))
print(bool(memoryview(b"abcd").cast("i", [])))
m = memoryview(b"ab")
m.release()
try:
    bool(m)
except ValueError as e:
    print("ValueError", e)


def to_memoryview(buf):
    arr = array.array("i")
    arr.frombytes(buf[:len(buf) - len(buf) % arr.itemsize])
    return memoryview(arr)


class MemviewBytesIO(io.BytesIO):
    def read1(self, n):
        return to_memoryview(super().read1(n))

    def read(self, n):
        return to_memoryview(super().read(n))


t = _pyio.TextIOWrapper(MemviewBytesIO(b"Just some random string\n"), "utf-8")
print(repr(t.read(200)))
