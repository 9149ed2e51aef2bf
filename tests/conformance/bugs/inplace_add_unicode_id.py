# CPython 3.11's quickened code runs `s += t` (or `s = s + t`) on a local str as
# BINARY_OP_INPLACE_ADD_UNICODE: when nothing else holds s, its hash is not computed and it is not
# interned, PyUnicode_Append grows it in place (PyObject_Realloc: the same object while pymalloc's
# block still fits, else moved). Cold code (a code object's first 7 runs) always makes a new str.
import sys


def grow(n, start, piece):
    s = start * 3
    s = s + start          # a fresh str that only s holds
    same = []
    for i in range(n):
        before = id(s)
        s += piece
        same.append(id(s) == before)
    return s, same


s, same = grow(20, "ab", "x")
print(len(s), s[-3:], sys.getsizeof(s), same)


def once(piece):
    s = "ab" * 3
    s = s + "c"
    before = id(s)
    s = s + piece
    return id(s) == before, s


print([once("x") for _ in range(10)])

# wider kinds: latin-1 and UCS-2 strings take narrower pieces in place, copied wide
for start, piece in [("é", "e"), ("ā", "é"), ("ā", "z"), ("a", "é"), ("é", "ā"), ("\U0001F600", "ā")]:
    s, same = grow(10, start, piece)
    print(ascii(s[-4:]), len(s), sys.getsizeof(s), same)


# a hashed or shared string is not modified
def hashed():
    s = "ab" * 3
    s = s + "c"
    out = []
    for i in range(10):
        hash(s)
        before = id(s)
        s += "x"
        out.append(id(s) == before)
    return out


print(hashed())


def shared():
    s = "ab" * 3
    s = s + "c"
    keep = []
    out = []
    for i in range(10):
        keep.append(s)
        before = id(s)
        s += "x"
        out.append(id(s) == before)
    return out, keep[-1]


print(shared())


# the empty string on either side
def empties():
    out = []
    for i in range(10):
        s = ""
        s += "abc" * 2
        t = s
        s += ""
        out.append((s, s is t))
    return out


print(empties())


# a site that saw ints first: specialized to BINARY_OP_ADD_INT, strs miss it
def mixed(values):
    out = []
    for v in values:
        s = v
        s = s + v
        out.append(s)
    return out


print(mixed([1] * 10 + ["ab"] * 10)[-1])
