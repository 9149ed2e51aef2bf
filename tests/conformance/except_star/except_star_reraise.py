# except*: a bare raise re-raises the matched part, which is merged back into the original group's shape.
eg = ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
try:
    try:
        raise eg
    except* ValueError:
        raise
    except* TypeError:
        pass
except ExceptionGroup as g:
    print(repr(g), g is eg)
try:
    try:
        raise eg
    except* ValueError:
        raise
    except* TypeError:
        raise
except ExceptionGroup as g:
    print(repr(g), g is eg, g.__traceback__ is eg.__traceback__)
