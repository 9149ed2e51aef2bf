# The awaitable objects of async generators as objects: sizes, tracking, referents, refcounts,
# types, reprs; the wrapped value never reaches Python code.
import sys, gc
async def agen():
    yield 1
a = agen()
s = a.__anext__()
s2 = a.asend(42)
t = a.athrow(ValueError, "x")
c = a.aclose()
for o in (s, s2, t, c):
    print(type(o).__name__, sys.getsizeof(o), gc.is_tracked(o), repr(o).startswith("<" + type(o).__name__ + " object at 0x"))
print(gc.get_referents(s) == [a], gc.get_referents(s2) == [a, 42])
print(gc.get_referents(t)[0] is a, gc.get_referents(t)[1], gc.get_referents(c) == [a])
print(sys.getrefcount(a))
del s, s2, t, c
print(sys.getrefcount(a))
print(type(a.__anext__()).__module__, type(a.aclose()).__qualname__)
try:
    type(a.__anext__())()
except TypeError as e:
    print("TypeError:", e)
print(sorted(n for n in dir(a.asend(None)) if not n.startswith("__")))
print(hasattr(a.asend(None), "__await__"), hasattr(a, "__anext__"), hasattr(a, "__aiter__"))
x = a.__anext__()
try:
    x.send(None)
except StopIteration as e:
    print(e.value, gc.is_tracked(e))
print(type(a).asend, type(x).send.__qualname__, type(x).__await__)
