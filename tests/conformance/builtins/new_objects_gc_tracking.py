# which new kinds of object the collector tracks (3.11): memoryview and slice yes; complex, bytearray no
import gc
print(gc.is_tracked(1j), gc.is_tracked(bytearray(b"x")), gc.is_tracked(memoryview(b"x")), gc.is_tracked(slice(1, 2)))
print(gc.is_tracked(slice(None)), gc.is_tracked(zip()), gc.is_tracked({}.keys()))
class X:
    pass
import weakref
x = X()
print(gc.is_tracked(weakref.proxy(x)), gc.is_tracked(weakref.ref(x)))
