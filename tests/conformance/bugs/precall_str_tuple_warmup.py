# str(x) in CPython 3.11: until its code object is quickened (8th run), the generic CALL calls str
# through _PyObject_MakeTpCall, which packs x into a 1-tuple (a GC allocation, a reference to x);
# PRECALL_NO_KW_STR_1 then calls PyObject_Str with no tuple.
import gc
import sys


class Counted:
    def __str__(self):
        return str(sys.getrefcount(self))


def to_str(x):
    return str(x)


counts = []
for _ in range(12):
    gc.collect()
    before = gc.get_count()[0]
    to_str(5)
    counts.append(gc.get_count()[0] - before)
print(counts)



def fresh(x):
    return str(x)


# the tuple's reference to x: one more in the cold runs than in the warm ones
seen = [int(fresh(Counted())) for _ in range(10)]
print([n - seen[-1] for n in seen])

# str with two arguments is never specialized (str has no tp_vectorcall): always a tuple
def decode(b):
    return str(b, "ascii")


counts = []
for _ in range(12):
    gc.collect()
    before = gc.get_count()[0]
    decode(b"x")
    counts.append(gc.get_count()[0] - before)
print(counts)

# map(str, ...) calls str through its tp_call: a tuple each time
gc.collect()
before = gc.get_count()[0]
for _ in map(str, range(3)):
    pass
print(gc.get_count()[0] - before)
