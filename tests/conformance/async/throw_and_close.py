# throw() raises inside the suspended coroutine (handled or not); close() runs finally blocks.
class Suspend:
    def __await__(self):
        yield "waiting"

async def worker():
    try:
        await Suspend()
    except KeyError as e:
        print("handled", repr(e))
        await Suspend()
    finally:
        print("cleanup")
    return "done"

c = worker()
c.send(None)
print(c.throw(KeyError("k")))
c.close()
print(c.cr_frame)
c2 = worker()
c2.send(None)
try:
    c2.throw(ValueError("v"))
except ValueError as e:
    print("propagated", repr(e))
c3 = worker()
c3.close()
print("closed unstarted")
