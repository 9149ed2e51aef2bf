# class B(bytearray): 3.11's layout (PyByteArrayObject's 56 bytes, __weakref__ at 56, a managed
# dict before the GC header), bytearray_sizeof over the subclass's basicsize, and bytearray's slots,
# methods and buffer on an instance.
import gc
import sys
import weakref

class B(bytearray):
    pass

class Tagged(bytearray):
    def __init__(self, source, tag):
        super().__init__(source)
        self.tag = tag

    def __len__(self):
        return 99

class NoDict(bytearray):
    __slots__ = ()

for T in (bytearray, B, Tagged, NoDict):
    print(T.__name__, T.__basicsize__, T.__itemsize__, T.__dictoffset__, T.__weakrefoffset__)

b = B(b"abc")
print(sys.getsizeof(b), b.__sizeof__(), b.__alloc__(), gc.is_tracked(b), gc.get_referents(b) == [B])
print(sys.getrefcount(b))
b.x = [1]
print(gc.get_referents(b) == [{'x': [1]}, B], sys.getsizeof(b), b.__dict__)
print(repr(b), str(b), len(b), b[0], b[-1], b[1:], type(b[1:]).__name__)
print(b + b"x", type(b + b"x").__name__, b * 2, type(2 * b).__name__, b"<" + b)
same = b
b += b"def"
print(b is same, b, type(b).__name__)
b *= 2
print(b is same, b)
print(b.upper(), type(b.upper()).__name__, b.copy(), type(b.copy()).__name__, b.decode())
print(b == bytearray(b"abcdefabcdef"), b == b"abcdefabcdef", b != b"x", b < b"b", b > B(b"a"), b"b" in b, 99 in b)
b.append(65)
b.extend(b"zz")
b[0] = 120
del b[1]
b[1:3] = b"QQQ"
print(b, b.pop(), b.find(b"Q"), list(b[:3]), bytes(b), hash is not None)
print(isinstance(b, bytearray), issubclass(B, bytearray), B.__mro__)

t = Tagged(b"qq", "t")
print(t, t.tag, len(t), bytearray.__len__(t), t.__dict__, bytearray.__repr__(t))
bytearray.__init__(t, b"reset")
print(t, t.tag, bytearray.__len__(t), sys.getsizeof(t))
print(bytearray.__getitem__(t, 1), bytearray.__contains__(t, b"se"), bytearray.__str__(t))

m = memoryview(b)
print(m[0], len(m), bytes(m[:2]))
try:
    b.append(1)
except BufferError as e:
    print("BufferError", e)
m.release()
b.append(1)
print(len(b))

r = weakref.ref(b)
print(r() is b)
del b, same
print(r())

n = NoDict(b"abc")
print(sys.getsizeof(n), gc.is_tracked(n), hasattr(n, "__dict__"))
try:
    n.x = 1
except AttributeError as e:
    print("AttributeError", e)

print(B(3), B(), B([1, 2]), B("x", "ascii"), B(range(3)), B(iter([7])))
try:
    B("x")
except TypeError as e:
    print("TypeError", e)

# a cycle through the instance dict is collected
c = B(b"cycle")
c.me = c
wc = weakref.ref(c)
del c
print(gc.collect() >= 1, wc())
