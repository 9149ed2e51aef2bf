# A str over 512 bytes is the C library's block, and CPython 3.11's PyObject_Realloc leaves it
# there (pymalloc_realloc punts to PyMem_RawRealloc): quickened `s += t` grows it with libc's
# realloc, which extends it where it is whenever the memory after it is free. refheap moved every
# such str to a new block, so id(s) changed at every append past 512 bytes.
import sys


def appended_ids(appends):
    s = "a" * 300
    s = s + "b"            # a fresh str that only s holds
    ids = []
    for _ in range(appends):
        s += "x" * 40
        ids.append(id(s))
    return len(s), sys.getsizeof(s), ids


for run in range(10):      # the 8th run quickens the function
    n, size, ids = appended_ids(30)
print(n, size)
print("large, some appends in place:", any(a == b for a, b in zip(ids[8:], ids[9:])))
# a large list's item array shrinking below 512 bytes stays libc's too; only sizes show
l = [0] * 1000
del l[10:]
print(sys.getsizeof(l), l)
