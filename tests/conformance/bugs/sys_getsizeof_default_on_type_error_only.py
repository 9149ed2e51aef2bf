# sys.getsizeof(obj, default) gives the default when __sizeof__ fails with a TypeError (also one
# refheap raised for a non-int result), and only then; sys.flags and sys.version_info's types
# cannot be instantiated (tp_new cleared), not even with a right-sized sequence.
import sys
class InvalidSizeof:
    def __sizeof__(self): return None
class BadSizeof:
    def __sizeof__(self): raise ValueError
class TypeErr:
    def __sizeof__(self): raise TypeError('mine')
s = ["sentinel"]
print(sys.getsizeof(InvalidSizeof(), s) is s, sys.getsizeof(TypeErr(), default=s) is s)
for o in (InvalidSizeof(), BadSizeof(), TypeErr()):
    try:
        sys.getsizeof(o)
    except Exception as e:
        print(type(e).__name__, e)
try:
    sys.getsizeof(BadSizeof(), 5)
except ValueError:
    print('ValueError passes through the default')
for t, arg in ((type(sys.flags), tuple(sys.flags)), (type(sys.version_info), tuple(sys.version_info))):
    for f in (lambda: t(arg), lambda: t.__new__(t, arg), lambda: t()):
        try:
            f()
            print('made')
        except TypeError as e:
            print(e)
# __sizeof__'s result is a Py_ssize_t; the GC header is added as a size_t (past 2**63 - 1)
class O(int):
    def __sizeof__(self): return int(self)
print(sys.getsizeof(O(sys.maxsize)) - sys.maxsize)
for v in (sys.maxsize + 1, -1, -sys.maxsize - 1, -2**70):
    try:
        sys.getsizeof(O(v))
    except Exception as e:
        print(type(e).__name__, e)
