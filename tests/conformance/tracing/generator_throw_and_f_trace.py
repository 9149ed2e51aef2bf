# Generators thrown into (throw() and close(): 'call' before the exception is raised in the frame), a
# coroutine sent to, an exception through nested frames with finally, and a trace function set
# on a running frame's f_trace (line events there without a 'call'), with a collection inside
import sys, gc
def tr(frame, ev, arg):
    if ev == 'exception': arg = arg[0].__name__
    elif not isinstance(arg, (int, str, type(None))): arg = type(arg).__name__
    print(ev, frame.f_code.co_name, frame.f_lineno, arg)
    return tr
def gen():
    try:
        yield 1
    except KeyError:
        yield 2
    yield 3
async def co():
    return 5
def rec(n):
    if n == 0: raise IndexError
    try:
        rec(n - 1)
    finally:
        pass
sys.settrace(tr)
g = gen(); next(g); g.throw(KeyError); g.close()
c = co()
try: c.send(None)
except StopIteration as e: print('stop', e.value)
try: rec(2)
except IndexError: pass
def late():
    sys._getframe().f_trace = tr
    x = 1
    gc.collect()
    return x
sys.settrace(None)
late()
sys.settrace(tr)
late()
sys.settrace(None)
