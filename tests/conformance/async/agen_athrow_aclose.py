# athrow/aclose awaitables: exceptions raised at the yield, finally blocks, aclose's StopIteration,
# "async generator ignored GeneratorExit", a closed generator, reuse errors.
async def agen():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("caught", repr(e))
        yield "after KeyError"
    finally:
        print("finally")

def drive(aw, v=None):
    try:
        return ("raw", aw.send(v))
    except StopIteration as e:
        return ("stop", e.args)
    except BaseException as e:
        return ("raised", type(e).__name__, str(e))

a = agen()
print(drive(a.__anext__()))
print(drive(a.athrow(KeyError, KeyError("k"))))
print(drive(a.athrow(ValueError("v"))))
print(a.ag_frame)
print(drive(a.__anext__()))
print(drive(a.aclose()))

b = agen()
print(drive(b.__anext__()))
t = b.aclose()
print(drive(t))
print(drive(t))
print(drive(b.__anext__()))
print(drive(b.athrow(ValueError)))

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
print(drive(s.__anext__()))
print(drive(s.aclose()))

async def fresh():
    yield 1
f = fresh()
print(drive(f.aclose()))
print(drive(f.__anext__()))
g = fresh()
print(drive(g.athrow(ValueError, "x")))
h = fresh()
try:
    h.athrow().send(None)
except TypeError as e:
    print("TypeError:", e)
try:
    fresh().athrow(ValueError).send(1)
except RuntimeError as e:
    print("RuntimeError:", e)

t2 = fresh()
aw = t2.athrow(KeyError)
try:
    aw.throw(IndexError)
except IndexError as e:
    print("throw passes", repr(e))
print(aw.close(), drive(aw))
