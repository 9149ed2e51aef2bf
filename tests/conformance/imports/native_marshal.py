# marshal (version 4, CPython 3.11's format byte for byte): every value kind, the str forms CPython picks
# (short ASCII, ASCII, interned, utf-8), small and large tuples, ints in both forms, FLAG_REF as the
# refcounts decide it and references to objects seen before, older versions, round trips, dump/load
# through a file, and the errors for unmarshallable objects and bad data
import io
import marshal
import sys

print(marshal.version)


def show(v, *version):
    data = marshal.dumps(v, *version)
    back = marshal.loads(data)
    print(data.hex(), type(back).__name__, back == v or v != v)


for v in (None, True, False, Ellipsis, StopIteration, 0, 1, -1, 255, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**63, -2**100, 2**15, 2**30 - 1,
          1.5, -0.0, float("inf"), 1e300, 3j, complex(1.5, -2), b"", b"bytes", bytearray(b"ba"), memoryview(b"mv"),
          "", "a", "ascii text", "x" * 300, "caf\u00e9", "\u20ac uro", "\U0001f600", "\ud800",
          (), (1,), (1, 2, (3,)), tuple(range(300)), [], [1, [2]], {}, {"a": 1, 2: "b"}, set(), {3, 1, 2}, frozenset(), frozenset({"x", "y", 3}),
          {(1, 2), (1, 3), "s", b"s", 4.5, None}):
    show(v)
for version in (0, 1, 2, 3):
    show((1.5, 2j, "abc", ("t",) * 2), version)
shared = ["shared"]
s = "not interned " + str(len(shared))
t = (shared, shared, s, s)
print(marshal.dumps(t).hex())
back = marshal.loads(marshal.dumps(t))
print(back[0] is back[1], back[2] is back[3], back[0] is shared)
print(marshal.dumps([s]).hex(), sys.getrefcount(s))
one = [[1, 2]]
print(marshal.dumps(one[0]).hex())
f = frozenset({1})
ff = marshal.loads(marshal.dumps((f, f)))
print(marshal.dumps((f, f)).hex(), ff[0] is ff[1], ff[0] == f)
buf = io.BytesIO()
print(marshal.dump({"k": [1, 2.5]}, buf), marshal.dump("second", buf, 2))
buf.seek(0)
print(marshal.load(buf), marshal.load(buf))
for v in (marshal, object(), int, [1, object()], {1: print}, type("S", (str,), {})("sub"), True.__class__.__mro__):
    try:
        marshal.dumps(v)
    except ValueError as e:
        print("ValueError", e)
nested = []
for i in range(2100):
    nested = [nested]
try:
    marshal.dumps(nested)
except ValueError as e:
    print("ValueError", e)
for bad in (b"", b"i\x01", b"q", b"(\x02\x00\x00\x00N", b")\x010", b"r\x00\x00\x00\x00", b"l\x01\x00\x00\x00\x00\x00",
            b"l\x01\x00\x00\x00\x00\x80", b"f\x03abc", b"g\x00", b"s\xff\xff\xff\xff", b"{N", b"<\x01\x00\x00\x000",
            b"0", b"[\x01\x00\x00\x000", b"Z", b"z\x05ab", b"I\x01\x00\x00\x00\x00\x00\x00\x80", b"N trailing", b"\xe9\x05\x00\x00\x00r\x00\x00\x00\x00"):
    try:
        print(repr(marshal.loads(bad)))
    except Exception as e:
        print(type(e).__name__, e)
for call, args in ((marshal.loads, ()), (marshal.loads, ("str",)), (marshal.dumps, ()), (marshal.dumps, (1, 2, 3)),
                   (marshal.dumps, (1, 2.5)), (marshal.dumps, (1, 2**40)), (marshal.load, (io.StringIO("x"),)), (marshal.load, (io.BytesIO(b""),)),
                   (marshal.load, (io.BytesIO(b"i\x01"),)), (marshal.dump, (1,))):
    try:
        call(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    marshal.dumps(1, version=2)
except TypeError as e:
    print(e)
