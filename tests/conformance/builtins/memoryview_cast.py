# memoryview.cast: every native format CPython 3.11 casts to, the geometry each gives, and the errors
import sys

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

raw = bytearray(range(100, 116))
m = memoryview(raw)
for f in "bBhHiIlLqQnNfd?cP":
    x = m.cast(f)
    print(f, x.format, x.itemsize, x.nbytes, len(x), x.ndim, x.shape, x.strides, x.tolist()[:2])
    x.release()
print(m.cast("@i").format, m.cast("@i").itemsize)
t(lambda: m.cast("e"))
t(lambda: m.cast("ii"))
t(lambda: m.cast("<i"))
t(lambda: m.cast(b"i"))
t(lambda: m.cast("i").cast("h"))
t(lambda: m.cast("i").cast("B").format)
t(lambda: memoryview(bytes(6)).cast("i"))
t(lambda: m[::2].cast("B").shape)
t(lambda: memoryview(b"").cast("i").shape)
t(lambda: memoryview(b"").cast("i", [0]))
# shapes
g = m.cast("i", [2, 2])
print(g.ndim, g.shape, g.strides, len(g), g.nbytes, g.c_contiguous, g.f_contiguous, g.contiguous)
print(g.tolist())
print(g[1, 1], g[0, 1], g[-1, -2])
t(lambda: g[0])
t(lambda: g[0, 0, 0])
t(lambda: g[0:1, 0:1])
t(lambda: g[2, 0])
t(lambda: g[0:1].shape)
t(lambda: list(g))
print(g.cast("B").shape, g.cast("B").cast("B", [4, 4]).shape)
t(lambda: g.cast("B", [4, 4]))
t(lambda: g.cast("i", [4]))
t(lambda: m.cast("i", (3,)))
t(lambda: m.cast("i", [2.0, 2]))
t(lambda: m.cast("i", [-1, 2]))
t(lambda: m.cast("i", [0, 4]))
t(lambda: m.cast("i", {2, 2}))
t(lambda: m.cast("B", [1] * 65))
print(m.cast("B", [1] * 63 + [16]).ndim)
print(m.cast("i", [4, 1]).f_contiguous, m.cast("i", [1, 4]).f_contiguous)
print(m.cast("B", [2, 2, 4]).strides, m.cast("B", [2, 2, 4])[1, 0, 3])
# zero dimensions
z = memoryview(bytearray(b"\x05\x00\x00\x00")).cast("i", [])
print(z.ndim, z.shape, z.strides, len(z), z.nbytes, z[()], z[...] is z, z.tolist(), z.c_contiguous)
z[()] = 9
print(z.tolist(), z.tobytes())
z[...] = 10
print(z.tolist())
t(lambda: z[0])
t(lambda: iter(z))
t(lambda: z.__setitem__(0, 1))
print(sys.getsizeof(z), sys.getsizeof(g), sys.getsizeof(m.cast("B", [2, 2, 4])), sys.getsizeof(m.cast("d")))
