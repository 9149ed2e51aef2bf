# derive() builds a group of the same message; a subclass can override it and split uses it.
eg = ExceptionGroup("msg", [ValueError(1)])
d = eg.derive([TypeError(2)])
print(repr(d), type(d).__name__)
d2 = BaseExceptionGroup("base", [KeyboardInterrupt()]).derive([ValueError()])
print(repr(d2), type(d2).__name__)
