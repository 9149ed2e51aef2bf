# A str over 512 bytes is the C library's block, and CPython 3.11's PyObject_Realloc leaves it
# there (pymalloc_realloc punts to PyMem_RawRealloc): quickened `s += t` grows it with libc's
# realloc, which extends it where it is whenever the memory after it is free. refheap moved every
# such str to a new block, so id(s) changed at every append past 512 bytes.
import sys


def grow(n, start, piece):
    s = start * 3
    s = s + start
    same = []
    for i in range(n):
        before = id(s)
        s += piece
        same.append(id(s) == before)
    return s, same


for k in range(10):          # warm up: the 8th run quickens grow
    s, same = grow(30, "a" * 100, "x" * 40)
print(len(s), sys.getsizeof(s))
print("large, some appends in place:", any(same[12:]))
# a large list's item array shrinking below 512 bytes stays libc's too; only sizes show
l = [0] * 1000
del l[10:]
print(sys.getsizeof(l), l)
