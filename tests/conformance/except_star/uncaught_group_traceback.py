# An uncaught ExceptionGroup prints 3.11's boxed traceback, with nested groups and chained sub-exceptions.
def f():
    raise ValueError(1)

try:
    try:
        f()
    except ValueError as e:
        raise ExceptionGroup("inner", [e, TypeError("t")])
except* TypeError:
    raise KeyError("k")
