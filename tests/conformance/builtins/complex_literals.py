# imaginary literals and their reprs, including signed zeros, infinities and folded constants
print(1j, 2.5j, 1_0J, .5j, 1e3j, 0j, -0j)
print(1 + 2j, 1 - 2j, -1 - 2j, 3.25 + 0j, -(0j))
print(repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)), repr(complex(-0.0, -0.0)))
print(1e300j * 1e10, complex(float("nan"), 1), complex(1, float("-inf")))
print(1e16j, 1e-5j, 123456789012345678j, 0.1j + 0.2j)
print(str(1 + 1j), format(2j, ""), [1j, (2 + 3j)], {"z": -1j})
