# except*: exceptions raised in handlers are combined with unhandled parts into a new group.
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("from handler")
except ExceptionGroup as g:
    print(repr(g))
    print(repr(g.exceptions[0].__context__))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("only")
except RuntimeError as r:
    print("single raised, unwrapped:", repr(r), repr(r.__context__))
