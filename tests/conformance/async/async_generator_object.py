# Async generator objects exist: type, repr, name, frame and size (iterating them is not shown here).
import sys, gc
async def agen(n):
    for i in range(n):
        yield i
a = agen(3)
print(type(a).__name__, repr(a).startswith("<async_generator object agen at 0x"))
print(a.__name__, a.__qualname__, a.ag_running, a.ag_frame is not None, a.ag_code is agen.__code__)
print(sys.getsizeof(a), gc.is_tracked(a))
print(a.__aiter__() is a)
print(type(agen).__name__)
