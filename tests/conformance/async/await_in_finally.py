# await inside try/finally and except blocks of a coroutine; return from inside a finally-protected await.
class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        yield self.tag

async def f():
    try:
        await Suspend("in try")
        return "returned"
    finally:
        print("finally before await")
        await Suspend("in finally")
        print("finally after await")

c = f()
print(c.send(None))
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
