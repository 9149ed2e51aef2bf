# A suspended coroutine in a reference cycle is collected by the cycle collector, running its finally block.
import gc, weakref
class Suspend:
    def __await__(self):
        yield

class Node:
    pass

async def task(node):
    try:
        await Suspend()
    finally:
        print("finally in collected coroutine")

gc.collect()
n = Node()
n.coro = task(n)
n.coro.send(None)
r = weakref.ref(n)
del n
print("before collect:", r() is not None)
print(gc.collect() > 0)
print("after collect:", r())
