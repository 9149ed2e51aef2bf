# type.__flags__, __basicsize__, __itemsize__, __weakrefoffset__ and __dictoffset__ of builtin types
# as CPython 3.11 reports them.
import weakref

for T in (object, type, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set,
          frozenset, range, slice, memoryview, property, staticmethod, classmethod,
          BaseException, Exception, ValueError, KeyError, OSError, StopIteration, SyntaxError,
          type(None), type(NotImplemented), type(...), weakref.ref):
    print(T.__name__, hex(T.__flags__), T.__basicsize__, T.__itemsize__, T.__weakrefoffset__, T.__dictoffset__)

HEAPTYPE, BASETYPE, HAVE_GC = 1 << 9, 1 << 10, 1 << 14
print(bool(int.__flags__ & BASETYPE), bool(bool.__flags__ & BASETYPE), bool(list.__flags__ & HAVE_GC), bool(int.__flags__ & HEAPTYPE))
