# An exception escaping a coroutine driven by send() shows the coroutine's frames in the traceback.
class Suspend:
    def __await__(self):
        yield

async def inner(x):
    await Suspend()
    return 1 / x

async def outer():
    return await inner(0)

c = outer()
c.send(None)
c.send(None)
