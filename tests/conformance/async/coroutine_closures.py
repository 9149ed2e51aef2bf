# Coroutines defined inside functions close over cells; lambdas and comprehensions inside coroutines work.
def make(n):
    async def add(m):
        return n + m + sum([i for i in range(3)])
    return add

async def apply(f, x):
    return await f(x)

c = apply(make(10), 5)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
print(make(1).__name__, make(1).__qualname__)
