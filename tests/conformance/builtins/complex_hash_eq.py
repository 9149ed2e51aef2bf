# complex hashing and equality agree with int and float; ordering is refused
print(hash(complex(2, 0)) == hash(2), hash(complex(2.5, 0)) == hash(2.5), hash(0j), hash(1j), hash(2 - 3j))
print(1j == complex(0, 1), complex(2) == 2, 2.0 == complex(2), 2 == complex(2, 1), 1j != 1j)
d = {2: "int", 1j: "imag"}
print(d[complex(2)], d[complex(0, 1)], 2 + 0j in {2}, {1, 1 + 0j, 1.0})
print(bool(0j), bool(-0j), bool(1e-300j), not 0j)
for op in ["<", "<=", ">", ">="]:
    try:
        eval("1j " + op + " 2j")
    except TypeError as e:
        print(e)
try:
    sorted([1j, 2])
except TypeError as e:
    print(e)
