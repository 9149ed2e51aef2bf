# generator.gi_suspended and coroutine.cr_suspended (3.11) raised NotImplementedError, so
# inspect.getgeneratorstate and inspect.getcoroutinestate failed on every generator and coroutine.
import inspect
def gen():
    print("inside", inspect.getgeneratorstate(g), g.gi_running, g.gi_suspended)
    yield 1
    yield 2
g = gen()
print(inspect.getgeneratorstate(g), g.gi_suspended, g.gi_running)
next(g)
print(inspect.getgeneratorstate(g), g.gi_suspended, g.gi_frame is not None)
list(g)
print(inspect.getgeneratorstate(g), g.gi_suspended, g.gi_frame)
g2 = gen()
g2.close()
print(inspect.getgeneratorstate(g2), g2.gi_suspended)
async def coro():
    print("running", inspect.getcoroutinestate(c), c.cr_suspended)
    await Aw()
class Aw:
    def __await__(self):
        yield "tick"
c = coro()
print(inspect.getcoroutinestate(c), c.cr_suspended, c.cr_running)
print(c.send(None))
print(inspect.getcoroutinestate(c), c.cr_suspended)
try:
    c.send(None)
except StopIteration:
    pass
print(inspect.getcoroutinestate(c), c.cr_suspended)
async def agen():
    yield 1
a = agen()
print(hasattr(a, "ag_suspended"), a.ag_running)
print(type(g).gi_suspended.__get__(g), type(type(g).__dict__["gi_suspended"]).__name__)
