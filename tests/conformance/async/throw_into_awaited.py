# throw() and close() on a coroutine suspended in an await go first into what it awaits, as
# 3.11's _gen_throw does (also for generators suspended in yield from).
import types

@types.coroutine
def inner():
    try:
        yield "inner 1"
    except ValueError:
        print("inner caught ValueError")
        yield "inner 2"
    finally:
        print("inner finally")
    return "inner result"

async def outer():
    try:
        r = await inner()
        print("outer got", r)
        await inner()
    finally:
        print("outer finally")

c = outer()
print(c.send(None))
print(c.throw(ValueError))
print(c.send(None))
print(c.throw(ValueError("again")))
try:
    c.throw(KeyError)
except KeyError as e:
    print("KeyError through both", c.cr_frame)

d = outer()
d.send(None)
print(d.close(), d.cr_frame)

def ginner():
    try:
        yield 1
    except GeneratorExit:
        print("ginner exits")
        raise
def gouter():
    try:
        yield from ginner()
    finally:
        print("gouter finally")
g = gouter()
next(g)
g.close()

class It:
    def __iter__(self):
        return self
    def __next__(self):
        return "it"
    def throw(self, *a):
        print("It.throw got", [type(x).__name__ for x in a])
        raise StopIteration("from It.throw")
    def close(self):
        print("It.close")
def deleg():
    r = yield from It()
    print("deleg got", r)
    yield "after"
x = deleg()
print(next(x))
print(x.throw(ValueError("v")))
x.close()
y = deleg()
next(y)
y.close()

class Awaitable:
    def __await__(self):
        v = yield "aw"
        return v
async def use():
    return await Awaitable()
u = use()
print(u.send(None))
try:
    u.send("sent back")
except StopIteration as e:
    print("value", e.value)
