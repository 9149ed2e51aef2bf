# Driving an async generator by hand: __anext__/asend awaitables, StopIteration carrying the yielded
# value, StopAsyncIteration at the end, values sent in, the awaitables' reuse errors.
async def agen():
    x = yield 1
    print("got", x)
    y = yield (2, 3)
    print("got", y)
    yield None

def step(aw, v=None):
    try:
        r = aw.send(v)
    except StopIteration as e:
        return ("value", e.args)
    except StopAsyncIteration as e:
        return ("end", type(e).__name__, e.args)
    return ("raw", r)

a = agen()
s = a.__anext__()
print(type(s).__name__, s.__await__() is s, iter(s) is s)
print(step(s))
try:
    s.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(step(a.asend("hello")))
print(step(a.asend("world")))
print(step(a.__anext__()))
print(step(a.__anext__()))
print(a.ag_running, a.ag_frame, a.ag_await)
b = agen()
try:
    b.asend(1).send(2)
except TypeError as e:
    print("TypeError:", e)
n = b.__anext__()
try:
    next(n)
except StopIteration as e:
    print("next() carries", e.value)
c = b.asend(5)
print(c.close(), step(b.asend(6)))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
