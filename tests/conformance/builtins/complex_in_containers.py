# complex numbers as dict keys, set members and in sorting by abs; sum and built-in conversions
vals = [3 + 4j, 1j, -2, 2.5, 0j]
print(sorted(vals, key=abs), sum(vals), [abs(v) for v in vals])
d = {1j: "a", 2: "b", 2 + 0j: "c"}
print(d, len({0j, 0, 0.0, False}), complex(True), complex(False))
print([z.real for z in vals], [z.imag for z in vals], [z.conjugate() for z in vals])
print(str(-1j), repr(1 + 0j), (1j).__class__.__name__, 1j.__sizeof__())
