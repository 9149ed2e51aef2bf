# ExceptionGroup.split and subgroup by type, tuple of types and predicate, preserving nesting and metadata.
eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("nested", [TypeError(2), ValueError(3)]), KeyError(4)])
m, r = eg.split(ValueError)
print(repr(m))
print(repr(r))
m, r = eg.split((TypeError, KeyError))
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(eg.subgroup(OSError), eg.split(OSError)[0], eg.split(OSError)[1] is eg)
print(eg.subgroup(Exception) is eg, eg.split(BaseException)[0] is eg)
try:
    eg.split(5)
except TypeError as e:
    print("TypeError:", e)
