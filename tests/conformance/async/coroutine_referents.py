# gc.get_referents of a suspended coroutine shows what its frame holds (its arguments and locals).
import gc
class Suspend:
    def __await__(self):
        yield

async def f(a, b):
    c = [a, b]
    await Suspend()
    return c

x, y = "first", "second"
co = f(x, y)
co.send(None)
refs = gc.get_referents(co)
print(x in refs, y in refs, any(type(r) is list for r in refs))
try:
    co.send(None)
except StopIteration as e:
    print(e.value)
