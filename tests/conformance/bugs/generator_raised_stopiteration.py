# PEP 479: a StopIteration leaving a generator's frame is a RuntimeError caused by it (refheap let
# it through, ending a for loop silently).
def g():
    yield 1
    raise StopIteration("inner")
out = []
try:
    for v in g():
        out.append(v)
except RuntimeError as e:
    print(out, e, repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
async def c():
    raise StopIteration
try:
    c().send(None)
except RuntimeError as e:
    print(e)
def h():
    yield
x = h()
next(x)
try:
    x.throw(StopIteration)
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
