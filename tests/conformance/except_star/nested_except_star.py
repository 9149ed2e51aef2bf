# except* inside an except* handler, and a plain try/except inside one, keep their groups apart.
try:
    try:
        raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
    except* ValueError as outer:
        try:
            raise ExceptionGroup("inner", [KeyError(3), ValueError(4)])
        except* KeyError as inner:
            print("inner caught", repr(inner))
        except* ValueError:
            print("inner values", repr(outer))
    except* TypeError as t:
        try:
            raise RuntimeError("plain")
        except RuntimeError as r:
            print("plain inside except*", repr(r), repr(r.__context__))
except Exception as e:
    print("escaped", repr(e))
print("done")
