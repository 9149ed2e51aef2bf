# memoryview indexing, slicing, assignment, conversion, comparison and hashing
m = memoryview(bytearray(b"abcdefgh"))
print(m[0], m[-1], m[2:5].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[::2][1:].tobytes(), len(m[::3]))
m[0] = 65
m[1:3] = b"BC"
m[::4] = b"xy"
print(m.obj, m.tolist()[:4], m.nbytes, m.format, m.itemsize, m.ndim, m.shape, m.strides, m[::2].strides, m.c_contiguous, m[::2].contiguous)
ro = memoryview(b"abc")
print(ro == b"abc", ro == bytearray(b"abc"), ro == memoryview(b"abc"), ro != b"abd", hash(ro) == hash(b"abc"), list(ro), 98 in ro)
print(m.toreadonly().readonly, bytes(m[2:4]), bytearray(m[:2]), b"-".join([m[:1], ro[1:]]))
def setitem(o, k, v):
    o[k] = v
def delitem(o, k):
    del o[k]
for bad in [lambda: setitem(ro, 0, 1), lambda: setitem(m, 0, 256), lambda: setitem(m, slice(0, 2), b"abc"), lambda: m[100],
            lambda: hash(m), lambda: memoryview("str"), lambda: memoryview(5), lambda: delitem(m, 0), lambda: m["x"]]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
