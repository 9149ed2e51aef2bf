# except* (PEP 654): handlers with and without names, else, finally, nesting, raising inside handlers.
def f():
    try:
        g()
    except* ValueError:
        print("value errors")
    except* (TypeError, KeyError) as eg:
        print("type or key", eg.exceptions)


def h():
    try:
        g()
    except* OSError as e:
        raise RuntimeError("wrapped") from e
    else:
        print("no error")
    finally:
        print("finally")


def k():
    try:
        pass
    except* Exception:
        try:
            g()
        except* ValueError as inner:
            del inner
    return 1


def loop():
    for i in range(3):
        try:
            g(i)
        except* ValueError:
            pass
        finally:
            continue


try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as e:
    x = e
except* TypeError:
    pass
