# the builtins aiter() and anext() (3.10): over async generators and classes, their TypeErrors, and
# contextlib.asynccontextmanager, whose __aenter__ awaits anext(gen) (it raised NameError: anext)
import asyncio, contextlib, sys

async def agen():
    yield 1
    yield 2

class Counter:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return self.i * 10

class BadAiter:
    def __aiter__(self):
        return 42

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

async def main():
    g = agen()
    it = aiter(g)
    print(it is g, type(anext(g)).__name__)
    print(await anext(it), await anext(it))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    c = Counter()
    print(aiter(c) is c, await anext(c), await anext(c))
    t(lambda: aiter(1)); t(lambda: aiter(BadAiter())); t(lambda: anext(1)); t(lambda: anext([]))
    t(lambda: aiter()); t(lambda: anext())

    @contextlib.asynccontextmanager
    async def managed(x):
        print('enter', x)
        try:
            yield x * 2
        finally:
            print('exit', x)

    async with managed(21) as v:
        print('inside', v)
    try:
        async with managed(1):
            raise KeyError('k')
    except KeyError as e:
        print('KeyError', e)

asyncio.run(main())
print(aiter.__doc__.splitlines()[0], anext.__name__, type(anext).__name__)
