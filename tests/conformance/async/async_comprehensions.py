# Async comprehensions (PEP 530): async for clauses in list/set/dict comprehensions, await inside
# comprehensions, async generator expressions; the comprehension's own code is a coroutine (or an
# async generator) awaited where it is written. Driven by send(None) without an event loop.
import types, sys, gc

@types.coroutine
def pause(v):
    got = yield ("pause", v)
    return got

async def agen(n):
    for i in range(n):
        await pause(i)
        yield i

async def value(v):
    return v

async def main():
    print([x async for x in agen(4)])
    print([x * y async for x in agen(4) if x for y in range(3) if y > 0])
    print({x % 2 async for x in agen(5)})
    print({x: x * x async for x in agen(3)})
    print([await value(v) for v in "abc"])
    print([x for x in await value([3, 2, 1])])
    print([[y async for y in agen(x)] for x in range(3)])
    ge = (x + 100 async for x in agen(3))
    print(type(ge).__name__, ge.__name__, ge.__qualname__, sys.getsizeof(ge) > 0, gc.is_tracked(ge))
    print([v async for v in ge])
    ge2 = (await value(x) for x in range(3))
    print(type(ge2).__name__, [v async for v in ge2])
    try:
        [1 async for x in [1, 2]]
    except TypeError as e:
        print("TypeError:", e)
    return "done"

def run(coro):
    n = 0
    sent = None
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as e:
            print("finished:", e.value, "after", n, "pauses")
            return
        n += 1
        sent = None

run(main())

def plain():
    return (x async for x in agen(2))
g = plain()
print(type(g).__name__, g.ag_code.co_name, hex(g.ag_code.co_flags))
async def holder():
    return [x async for x in agen(2)]
c = holder()
code = [k for k in holder.__code__.co_consts if hasattr(k, "co_flags")][0]
print(code.co_name, hex(code.co_flags))
c.close()
