# send/throw/close of generators, coroutines and their awaitables name their type in argument errors
# (CPython's 'coroutine_wrapper.send() takes exactly one argument'); coroutine.close(1) was accepted
async def co(): pass
c = co(); w = c.__await__()
async def ag(): yield
a = ag().asend(None)
for f in (lambda: w.send(), lambda: w.throw(), lambda: w.close(1), lambda: a.send(), lambda: a.throw(), lambda: a.close(1), lambda: w.throw(x=1)):
    try: f()
    except TypeError as e: print(e)

def g(): yield
async def co(): pass
c = co()
for f in (lambda: g().throw(x=1), lambda: c.throw(x=1), lambda: c.send(), lambda: c.close(1), lambda: g().send(), lambda: g().close(1)):
    try: f()
    except TypeError as e: print(e)

c.close()
