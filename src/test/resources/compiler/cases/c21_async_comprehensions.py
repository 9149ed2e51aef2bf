# Async comprehensions (PEP 530) and async generator expressions, as 3.11 compiles them.
async def lists(ag, it, aw):
    a = [x async for x in ag]
    b = [x * y async for x in ag if x for y in it if y > 1]
    c = [await v for v in it]
    d = {k: v async for k, v in ag}
    e = {x async for x in ag}
    f = [x for x in await aw]
    g = [y async for x in ag async for y in x]
    return a, b, c, d, e, f, g


async def genexps(ag, it):
    g1 = (x async for x in ag)
    g2 = (await x for x in it)
    g3 = (x for x in it)
    return [v async for v in g1], g2, g3


def plain(ag, it):
    return (x async for x in ag), (y for y in it)


async def nested(ag):
    return [[x async for x in ag] for _ in range(2)], [(x async for x in ag) for _ in range(2)]
