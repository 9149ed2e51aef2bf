# The buffer protocol of Structures, Unions and the scalar types: memoryview's geometry, resize,
# and the bytes-like uses CPython's test_io makes of an empty Structure
import ctypes
import io


class EmptyStruct(ctypes.Structure):
    pass


class P(ctypes.Structure):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_char), ("c", ctypes.c_double)]


class Packed(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("a", ctypes.c_char), ("b", ctypes.c_int)]


class U(ctypes.Union):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_double)]


def geometry(obj):
    m = memoryview(obj)
    return (m.format, m.itemsize, m.shape, m.ndim, m.nbytes, m.readonly, m.strides, m.contiguous, m.c_contiguous)


for obj in (EmptyStruct(), P(), Packed(), U(), ctypes.c_double(), ctypes.c_float(), ctypes.c_bool(), ctypes.c_char()):
    print(type(obj).__name__, geometry(obj), ctypes.sizeof(obj))


def byteslike(data):
    obj = EmptyStruct()
    ctypes.resize(obj, len(data))
    memoryview(obj).cast("B")[:] = data
    return obj


e = byteslike(b"0123456789")
print(geometry(e), ctypes.sizeof(e), bytes(memoryview(e)), memoryview(e).cast("B").tolist())
big = byteslike(bytes(range(40)))
print(ctypes.sizeof(big), bytes(memoryview(big)) == bytes(range(40)))
ctypes.resize(big, 100)
print(ctypes.sizeof(big), bytes(memoryview(big))[:40] == bytes(range(40)))  # past the old size: realloc's bytes
ctypes.resize(big, 2)
print(ctypes.sizeof(big), bytes(memoryview(big)))

p = P(3, b"q", 1.5)
print(bytes(memoryview(p)).hex())
ctypes.resize(p, 40)
print(ctypes.sizeof(p), p.a, p.b, p.c)

# readinto and write take it as a bytes-like object with no sequence methods
b = io.BytesIO(b"abcdefghij")
target = byteslike(b"....")
print(b.readinto(target), bytes(memoryview(target)))
b.write(target)
print(b.getvalue())
print(hasattr(target, "__len__"), hasattr(target, "__getitem__"))
print(bytearray(memoryview(byteslike(b"xyz"))))

for bad in (lambda: ctypes.resize(P(), 4), lambda: ctypes.resize(3, 4), lambda: memoryview(P())[0],
            lambda: memoryview(P())[()], lambda: memoryview(EmptyStruct())[...].format,
            lambda: memoryview(P()).__setitem__((), 1), lambda: memoryview(U()).__setitem__((), 1),
            lambda: memoryview(P()).tolist(), lambda: memoryview(ctypes.c_double(2))[()],
            lambda: ctypes.resize(P(), "x")):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
