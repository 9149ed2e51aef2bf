# await on coroutines chains their frames; cr_await shows the awaited coroutine while suspended.
class Suspend:
    def __await__(self):
        yield "tick"

async def leaf():
    await Suspend()
    return "leaf"

async def middle():
    r = await leaf()
    return r + "+middle"

async def top():
    return await middle() + "+top"

c = top()
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_await.__name__, c.cr_await.cr_await.__name__)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
