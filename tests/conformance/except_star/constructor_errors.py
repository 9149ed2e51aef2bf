# ExceptionGroup construction errors: message type, non-sequence, empty sequence, non-exceptions, nesting BaseExceptions.
def attempt(f):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

attempt(lambda: ExceptionGroup(1, [ValueError()]))
attempt(lambda: ExceptionGroup("m", ValueError()))
attempt(lambda: ExceptionGroup("m", []))
attempt(lambda: ExceptionGroup("m", [ValueError(), 5]))
attempt(lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup("m"))
attempt(lambda: ExceptionGroup("m", {ValueError()}))
