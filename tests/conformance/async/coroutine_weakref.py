# Coroutines support weak references; the weakref dies with the coroutine.
import weakref
async def f():
    return 1
c = f()
r = weakref.ref(c)
print(r() is c)
c.close()
del c
print(r())
