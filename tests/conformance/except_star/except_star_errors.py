# except*: catching ExceptionGroup itself or a non-exception class is a TypeError at run time.
for t in [ExceptionGroup, (ValueError, BaseExceptionGroup), int]:
    try:
        try:
            raise ExceptionGroup("eg", [ValueError()])
        except* t:
            pass
    except TypeError as e:
        print("TypeError:", e)
