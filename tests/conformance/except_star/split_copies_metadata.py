# split() copies __traceback__, __cause__, __context__ and __notes__ to both parts.
try:
    try:
        raise OSError("ctx")
    except OSError:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)]) from KeyError("cause")
except ExceptionGroup as e:
    eg = e
m, r = eg.split(ValueError)
print(m.__traceback__ is eg.__traceback__, r.__traceback__ is eg.__traceback__)
print(repr(m.__cause__), repr(r.__context__), m.__suppress_context__)
print(m.exceptions[0] is eg.exceptions[0])
