# Driving a coroutine by send(): each await of an __await__ generator suspends and sends values through.
class Awaitable:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield ("suspend", self.v)
        return got * 2

async def add(a, b):
    x = await Awaitable(a)
    y = await Awaitable(b)
    return x + y

c = add(1, 2)
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_await.gi_running)
print(c.send(10))
try:
    c.send(20)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
