# async for over async generators, run by a tiny hand-written loop (send(None) until StopIteration);
# an await inside the generator passes its raw value up to the loop.
import types

@types.coroutine
def sleep0(tag):
    got = yield ("sleep", tag)
    return got

async def ticker(n):
    for i in range(n):
        r = await sleep0(i)
        yield i * 10, r

async def squares(src):
    async for v, r in src:
        yield v * v

async def main():
    out = []
    async for i, r in ticker(3):
        out.append((i, r))
    print(out)
    total = 0
    async for v in squares(ticker(4)):
        total += v
    print("total", total)
    try:
        async for v in ticker(2):
            raise ValueError("stop at", v)
    except ValueError as e:
        print("ValueError", e.args)
    async for v in ticker(0):
        print("never")
    else:
        print("empty: else runs")
    return "done"

def run(coro):
    sent = None
    n = 0
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as e:
            print("loop finished after", n, "suspensions:", e.value)
            return
        n += 1
        sent = ("resumed", y[1])

run(main())
