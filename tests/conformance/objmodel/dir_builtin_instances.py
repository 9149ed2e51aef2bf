# dir of instances of builtin types equals dir of their types
for v in (1, 1.5, 'a', b'a', [1], (1,), {1: 2}, {1}, frozenset(), range(1), None, True, 1j):
    print(type(v).__name__, dir(v) == dir(type(v)), len(dir(v)))
