# The events sys.settrace gives for a small program: calls, lines (a loop's jump back re-enters its
# line), returns, an exception caught and one that leaves frames (return with None), generators
# resumed ('call' at each resumption at the yield's line), comprehensions, a class body, a nested
# function, with/try/finally, and exec'd module code ('call' at line 0)
import sys

def tr(frame, ev, arg):
    if ev == 'exception':
        arg = (arg[0].__name__, str(arg[1]), type(arg[2]).__name__)
    elif ev == 'return' and not isinstance(arg, (int, str, list, type(None))):
        arg = type(arg).__name__
    print(ev, frame.f_code.co_name, frame.f_lineno, arg)
    return tr

def g():
    yield 1
    yield 2

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

def f(a):
    x = [i for i in range(2)]
    for v in g():
        x.append(v)
    try:
        raise ValueError(a)
    except ValueError:
        pass
    def inner(y):
        return y + a
    x.append(inner(1))
    while a > 1:
        a -= 1
    return x

def bad(n):
    with CM():
        if n:
            raise KeyError(n)
    return 1

def tryf():
    try:
        bad(1)
    finally:
        x = 'fin'

def top():
    try:
        tryf()
    except KeyError:
        return 'caught'

sys.settrace(tr)
f(3)
top()
class C:
    y = 1
exec("z = 1\nw = 2")
sum(x * x for x in range(2))
sys.settrace(None)
print(sys.gettrace())
