# async def, await, async for, async with, async generators, decorated coroutines, nested scopes.
import types


async def simple():
    return 1


async def awaits(x):
    y = await x
    z = await simple() + await x
    return y, z


async def loops(aiter):
    total = 0
    async for item in aiter:
        if item is None:
            continue
        if item < 0:
            break
        total += item
    else:
        total = -1
    return total


async def contexts(cm, other):
    async with cm as value:
        print(value)
    async with cm, other as (a, b):
        return a
    async with cm:
        pass


async def agen(n):
    for i in range(n):
        yield i
        await simple()
    yield


@types.coroutine
def legacy():
    yield


def outer():
    async def inner(v):
        return await v
    return inner


class Service:
    async def method(self):
        async with self as s:
            async for x in s:
                await x

    async def __aenter__(self):
        return self
