def f(a, b=1, *args, c, d=2, **kw):
    "doc"
    return a + b

def g(x, /, y, *, z=3):
    return x

def h():
    pass

def ann(a: int, b: 'str' = 'x', *c: float, d: list = None, **e: dict) -> bool:
    return True

lam = lambda x, y=2: x * y
lam2 = lambda: (yield)

@dec
@dec2(1)
def decorated():
    return 1

def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    return inner

def counter(start):
    def inc():
        return start + 1
    return inc

def uses_global():
    global G
    G = 1
    return G

def many_returns(x):
    if x:
        return 1
    elif x is None:
        return
    return x + 1
