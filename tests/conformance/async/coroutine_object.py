# A coroutine object: type, repr, name, qualname, frame, running state and await target before it runs.
import sys, gc
async def f():
    return 1
c = f()
print(type(c).__name__, repr(c).startswith("<coroutine object f at 0x"))
print(c.__name__, c.__qualname__, c.cr_running, c.cr_await, c.cr_frame is not None, c.cr_code is f.__code__)
print(gc.is_tracked(c))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print(c.cr_frame, c.cr_running)
class K:
    async def m(self):
        pass
k = K().m()
print(k.__qualname__)
k.close()
