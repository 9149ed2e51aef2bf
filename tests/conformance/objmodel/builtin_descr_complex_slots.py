# complex's slot wrappers accept ints and floats, NotImplemented otherwise
print(complex.__add__(1j, 1), complex.__mul__(2j, 2.0), complex.__add__(1j, 'a'), complex.__radd__(1j, 1))
print(complex.__eq__(1 + 0j, 1), complex.__lt__(1j, 2j), complex.__neg__(1j), complex.__abs__(3 + 4j), complex.__bool__(0j))
