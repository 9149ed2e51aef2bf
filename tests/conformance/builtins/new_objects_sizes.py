# sys.getsizeof of the new kinds of object, as CPython 3.11 reports them
import sys, weakref
class X:
    pass
x = X()
print(sys.getsizeof(1j), sys.getsizeof(complex(1e300, -1)), sys.getsizeof(bytearray()), sys.getsizeof(bytearray(100)))
print(sys.getsizeof(memoryview(b"")), sys.getsizeof(memoryview(bytearray(1000))), sys.getsizeof(slice(None)), sys.getsizeof(slice(1, 2, 3)))
print(sys.getsizeof(weakref.proxy(x)), sys.getsizeof(weakref.ref(x)), sys.getsizeof(zip([], strict=True)))
