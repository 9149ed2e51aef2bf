# anext(aiterator, default): the anext_awaitable (its layout, referents, tracking and refcounts) and
# its protocol: StopAsyncIteration out of the wrapped awaitable becomes StopIteration(default);
# send/throw/close/__next__ go to the wrapped awaitable's iterator (a coroutine's through __await__)
import sys, gc

def run(c):
    # drives a coroutine that never waits on an event loop to its end
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    yield 1
    yield 2
async def main():
    g = ag()
    print(await anext(g, 'd'), await anext(g, 'd'), await anext(g, 'd'), await anext(g, None))
    a = anext(ag(), 7)
    t = type(a)
    print(t, t.__basicsize__, sys.getsizeof(a), gc.is_tracked(a), t.__module__)
    print(sorted(vars(t)))
    r = gc.get_referents(a)
    print([type(x).__name__ for x in r], r[1])
    print(a.__await__() is a, iter(a) is a, repr(a).startswith('<anext_awaitable object at 0x'))
    try: t()
    except TypeError as e: print(e)
    print(await a)
    a.close()
run(main())
# drive by hand
g = ag()
a = anext(g, 'dflt')
try: a.send(None)
except StopIteration as e: print('stop', e.args)
g2 = ag()
for x in range(3):
    a = anext(g2, 't')
    try: next(a)
    except StopIteration as e: print('stop', e.args, e.value)
a = anext(ag(), None)
try: a.__next__()
except StopIteration as e: print('None default', e.args, e.value)
# throw
g3 = ag()
a = anext(g3, 5)
try: a.throw(ValueError, ValueError('x'))
except ValueError as e: print('thrown', repr(e))
try: a.send(None)
except RuntimeError as e: print(e)
a = anext(g3, 5)
try: a.send(None)
except StopIteration as e: print('after throw', e.args)
a = anext(ag(), 5)
print(a.close())
try: a.send(1)
except Exception as e: print(type(e).__name__, e)
# class aiterators
class AI:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2: raise StopAsyncIteration
        return self.n
async def m2():
    ai = AI()
    print([await anext(ai, 'end') for _ in range(4)])
    ai2 = AI()
    a = anext(ai2, 'x')
    print(type(gc.get_referents(a)[0]).__name__)
    a.close()
run(m2())
class Bad:
    def __anext__(self): return 3
try: anext(Bad(), 1).send(None)
except TypeError as e: print(e)
class Aw:
    def __await__(self):
        yield 10
        yield 20
class AI2:
    def __anext__(self): return Aw()
a = anext(AI2(), 'q')
print(a.send(None), a.send(None))
try: a.send(None)
except StopIteration as e: print('exhausted', e.args)
class AI3:
    def __anext__(self): return iter([1])
try: anext(AI3(), 0).send(None)
except TypeError as e: print(e)
try: anext(1, 2)
except TypeError as e: print(e)
try: anext()
except TypeError as e: print(e)
try: anext(AI(), 1, 2)
except TypeError as e: print(e)
try: a.send()
except TypeError as e: print(e)
try: a.throw(x=1)
except TypeError as e: print(e)
# refcounts
d = object()
a = anext(AI(), d)
print(sys.getrefcount(d))
a.close()  # closes the coroutine AI.__anext__ made (never awaited: no warning once closed)
del a
print(sys.getrefcount(d))
