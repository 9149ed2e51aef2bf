# Errors of await, async for and async with on objects that do not support them.
class NoAwait:
    pass
class BadAwait:
    def __await__(self):
        return 5
class NoAnext:
    def __aiter__(self):
        return self

async def await_int():
    await 3
async def await_plain():
    await NoAwait()
async def await_bad():
    await BadAwait()
async def for_plain():
    async for x in [1, 2]:
        pass
async def for_no_anext():
    async for x in NoAnext():
        pass
async def with_plain():
    async with NoAwait():
        pass

for f in [await_int, await_plain, await_bad, for_plain, for_no_anext, with_plain]:
    c = f()
    try:
        c.send(None)
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
