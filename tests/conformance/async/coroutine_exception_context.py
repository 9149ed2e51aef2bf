# Exceptions inside coroutines chain their context and restore the handled exception across suspension.
import sys
class Suspend:
    def __await__(self):
        yield

async def f():
    try:
        raise KeyError("outer")
    except KeyError:
        await Suspend()
        print("handled after resume:", repr(sys.exc_info()[1]))
        try:
            raise ValueError("inner")
        except ValueError as e:
            return repr(e.__context__)

c = f()
c.send(None)
print("between sends:", sys.exc_info())
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
