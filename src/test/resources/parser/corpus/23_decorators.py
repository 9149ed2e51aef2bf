import functools


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


@trace
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@registry["key"].register
class Plugin:
    pass


@(lambda f: f)
def ident(): pass


@x := trace
def walrus_deco(): pass
