# sys.set_asyncgen_hooks/get_asyncgen_hooks: firstiter at the first iteration, the finalizer called
# for an unfinished generator at dealloc instead of closing it (a generator that finished or was
# closed is not handed over), errors.
import sys, gc
print(sys.get_asyncgen_hooks())
print(type(sys.get_asyncgen_hooks()).__name__, len(sys.get_asyncgen_hooks()))
seen = []
def firstiter(g):
    seen.append(("firstiter", g.__name__))
kept = []
def finalizer(g):
    print("finalizer", g.__name__, g.ag_frame is not None)
    kept.append(g)

async def agen(name):
    try:
        yield name
        yield name
    finally:
        print("finally of", name)

sys.set_asyncgen_hooks(firstiter, finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h.finalizer is finalizer, h[0] is firstiter)

a = agen("a")
print(seen)
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("yielded", e.value)
print(seen)
a.asend(None)
print(seen)
del a
print("after del a", len(kept))
b = agen("b")
del b
print("after del b (never iterated)")
c = agen("c")
for aw in (c.__anext__(), c.__anext__(), c.__anext__()):
    try:
        aw.send(None)
    except BaseException as e:
        print(type(e).__name__)
del c
print("after del c (finished)")
d = agen("d")
try:
    d.__anext__().send(None)
except StopIteration:
    pass
try:
    d.aclose().send(None)
except StopIteration:
    print("closed d")
del d
print("after del d (closed)")
try:
    kept[0].aclose().send(None)
except StopIteration:
    print("the finalizer's generator closed later")
kept.clear()

sys.set_asyncgen_hooks(finalizer=None)
print(sys.get_asyncgen_hooks().finalizer, sys.get_asyncgen_hooks().firstiter is firstiter)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
for bad in [dict(firstiter=1), dict(finalizer="x")]:
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.set_asyncgen_hooks(print, print, print)
except TypeError as e:
    print("TypeError:", e)

e = agen("e")
try:
    e.__anext__().send(None)
except StopIteration:
    pass
del e
print("no hooks: closed at dealloc")
gc.collect()
