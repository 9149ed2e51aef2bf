# async for over a class with __aiter__/__anext__: break, continue, else, and StopAsyncIteration ending the loop.
class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    total = 0
    async for x in Counter(5):
        if x == 2:
            continue
        total += x
    else:
        print("else ran", total)
    async for x in Counter(10):
        if x > 3:
            break
    else:
        print("not here")
    print("broke at", x)
    return total

c = main()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
