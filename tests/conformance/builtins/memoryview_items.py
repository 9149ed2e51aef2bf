# typed memoryview items: reading, writing and the pack errors of each format, slices, tobytes/hex
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = memoryview(bytearray(16)).cast("d")
d[0] = 1.5
d[1] = 7
print(d.tolist(), d[0], d[-1])
t(lambda: d.__setitem__(0, "x"))
t(lambda: d.__setitem__(0, 10 ** 400))
f = memoryview(bytearray(8)).cast("f")
f[0] = 0.1
f[1] = 1e300
print(f.tolist())
b = memoryview(bytearray(4)).cast("b")
b[0] = -5
b[1] = 127
t(lambda: b.__setitem__(0, 200))
t(lambda: b.__setitem__(0, -129))
t(lambda: b.__setitem__(0, 2.0))
t(lambda: b.__setitem__(0, "1"))
print(b.tolist())

class Idx:
    def __index__(self):
        return 42

h = memoryview(bytearray(8)).cast("H")
h[0] = Idx()
h[1] = True
t(lambda: h.__setitem__(2, -1))
t(lambda: h.__setitem__(2, 65536))
print(h.tolist())
c = memoryview(bytearray(4)).cast("c")
t(lambda: c.__setitem__(0, b"ab"))
t(lambda: c.__setitem__(0, 1))
t(lambda: c.__setitem__(0, bytearray(b"a")))
c[1] = b"z"
print(c.tolist(), c[1])
q = memoryview(bytearray(4)).cast("?")
q[0] = [1]
q[1] = 0.0
q[2] = "x"
print(q.tolist())
P = memoryview(bytearray(8)).cast("P")
P[0] = -1
print(P[0])
t(lambda: P.__setitem__(0, 1.0))
t(lambda: P.__setitem__(0, Idx()))
Q = memoryview(bytearray(16)).cast("Q")
t(lambda: Q.__setitem__(0, -1))
t(lambda: Q.__setitem__(0, 2 ** 64))
Q[0] = 2 ** 64 - 1
Q[1] = 2 ** 63
print(Q.tolist())
L = memoryview(bytearray(8)).cast("q")
L[0] = -2 ** 63
t(lambda: L.__setitem__(0, 2 ** 63))
print(L[0])
I = memoryview(bytearray(16)).cast("I")
t(lambda: I.__setitem__(0, 2 ** 32))
I[0] = 2 ** 32 - 1
print(I[0])
# indexing errors
t(lambda: I[4])
t(lambda: I[-5])
t(lambda: I[2 ** 70])
t(lambda: I["a"])
t(lambda: I[1.0])
t(lambda: I[()])
t(lambda: I[0,])
t(lambda: I[0, 0])
# slices and slice assignment
ints = memoryview(bytearray(range(16))).cast("i")
print(ints[1:].tolist(), ints[::2].strides, ints[::2].c_contiguous, ints[::-1].tolist())
ints[0:2] = ints[2:4]
print(ints.tolist())
t(lambda: ints.__setitem__(slice(0, 1), b"abcd"))
t(lambda: ints.__setitem__(slice(0, 1), [1]))
t(lambda: ints.__setitem__(slice(0, 2), ints[0:1]))
ints[1:3] = memoryview(bytearray(8)).cast("i")
print(ints.tolist())
o = memoryview(bytearray(b"abcdef"))
o[1:5] = o[0:4]
print(o.tobytes())
g = memoryview(bytearray(range(16))).cast("i", [2, 2])
t(lambda: g.__setitem__(0, 1))
g[0, 1] = 77
t(lambda: g.__setitem__(slice(0, 1), b""))
t(lambda: g.__setitem__((slice(0, 1), slice(0, 1)), b""))
t(lambda: ints.__delitem__(0))
t(lambda: memoryview(b"ab").cast("c").__setitem__(0, b"x"))
# tobytes, hex
print(g.tobytes(), g.tobytes("F"), g.tobytes("A"), g.tobytes(None))
print(g.hex(), g.hex(":", 2), g.hex(b"-", -4))
t(lambda: g.tobytes("X"))
t(lambda: g.tobytes(1))
print(ints[::2].tobytes(), ints[::-2].hex())
print(bytes(g) == g.tobytes(), bytearray(ints[::2]))
# iteration
print(list(memoryview(b"\x01\x00\xff\xff").cast("h")), [x for x in memoryview(b"ab").cast("c")])
