# coroutine.__await__() returns a coroutine_wrapper: an iterator driving the coroutine (send, throw,
# close, next); its size, tracking and referents; a class whose __await__ delegates to it.
import sys, gc, types

@types.coroutine
def pause(v):
    got = yield v
    return got

async def co():
    x = await pause("p1")
    y = await pause("p2")
    return x, y

c = co()
w = c.__await__()
print(type(w).__name__, sys.getsizeof(w), gc.is_tracked(w), gc.get_referents(w)[0] is c, iter(w) is w)
print(repr(w).startswith("<coroutine_wrapper object at 0x"))
print(next(w), w.send("a"))
try:
    w.send("b")
except StopIteration as e:
    print("returned", e.value)
print(c.cr_frame, c.cr_await)

class Task:
    def __init__(self, coro):
        self.coro = coro
    def __await__(self):
        return self.coro.__await__()

async def outer():
    r = await Task(co())
    return ("outer", r)

o = outer()
print(o.send(None), o.cr_await is not None, type(o.cr_await).__name__)
print(o.send(1))
try:
    o.send(2)
except StopIteration as e:
    print(e.value)

c2 = co()
w2 = c2.__await__()
print(w2.send(None))
try:
    w2.throw(KeyError("k"))
except KeyError as e:
    print("thrown through", repr(e))
c3 = co()
w3 = c3.__await__()
next(w3)
print(w3.close(), c3.cr_frame)
try:
    w3.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(n for n in dir(w3) if not n.startswith("__")))
