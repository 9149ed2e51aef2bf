# Errors of async generators: already running, raising StopIteration/StopAsyncIteration inside
# (PEP 479), an exception leaving it, and what that leaves of it.
async def agen():
    yield 1
    raise StopIteration(5)

def drive(aw, v=None):
    try:
        return ("raw", aw.send(v))
    except StopIteration as e:
        return ("stop", e.args)
    except BaseException as e:
        c = e.__cause__
        return ("raised", type(e).__name__, str(e), type(c).__name__ if c else None, e.__suppress_context__)

a = agen()
print(drive(a.__anext__()))
print(drive(a.__anext__()))
print(drive(a.__anext__()))

async def agen2():
    yield 1
    raise StopAsyncIteration

b = agen2()
print(drive(b.__anext__()))
print(drive(b.__anext__()))

import types
@types.coroutine
def pause():
    yield "paused"

async def slow():
    await pause()
    yield "x"

c = slow()
first = c.__anext__()
print(drive(first))
print(c.ag_running, type(c.ag_await).__name__)
print(drive(c.__anext__()))
print(drive(c.athrow(ValueError)))
print(drive(c.aclose()))
print(drive(first))
print(c.ag_running)

async def bad():
    yield 1
    1 / 0
d = bad()
print(drive(d.__anext__()))
print(drive(d.__anext__()))
print(drive(d.__anext__()))

def gen():
    yield 1
    raise StopIteration
g = gen()
next(g)
try:
    next(g)
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
