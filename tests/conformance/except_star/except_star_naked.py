# except*: a naked exception is wrapped in an ExceptionGroup('', ...) for the handler; an unmatched one propagates as is.
try:
    raise ValueError("naked")
except* ValueError as e:
    print(repr(e), type(e).__name__, repr(e.exceptions[0]))
try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
except KeyError as k:
    print("unwrapped:", repr(k))
