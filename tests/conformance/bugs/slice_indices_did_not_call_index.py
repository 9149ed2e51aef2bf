# Slice bounds and the start/end of str/bytes find, count, startswith... took only ints: an object
# with __index__ was refused ("slice indices must be integers or None or have an __index__ method")
# where CPython's _PyEval_SliceIndex calls it (and clamps a huge result instead of overflowing).
class I:
    def __index__(self):
        return 1
class Big:
    def __index__(self):
        return 10**30
print([1, 2, 3][I():], "abc"[I():], "abc".find("b", I()), b"abc".find(b"b", I()), b"abc".startswith(b"b", I()), (1, 2, 3)[:I()], [1, 2][I()])
print([1, 2, 3][Big():], [1, 2, 3][:Big()], "abc".find("c", -10**30, 10**30), b"abc".find(b"c", 0, 10**30), b"abc".count(b"c", -10**40), slice(I(), Big()).indices(5))
print(bytearray(b"abc").endswith(b"b", 0, 2), "abc"[::I()], memoryview(b"abc")[I():].tobytes(), "abcabc".rindex("a", I()), "abc".count("b", I(), Big()))
l = [0, 1, 2, 3]
l[I():3] = ["x"]
del l[:I()]
print(l)
class Bad:
    def __index__(self):
        return "x"
for f in [lambda: [1][Bad():], lambda: "a".find("a", Bad()), lambda: [1][1.5:], lambda: b"a".find(b"a", 1.5), lambda: "a".count("a", 0, "1")]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
