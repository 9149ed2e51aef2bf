# complex arithmetic with complex, float and int operands follows CPython's formulas bit for bit
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, b / a)
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a - 1.5, 1.5 - a, a / 2, 2 / a)
print(a ** 2, a ** -2, a ** 0, a ** 0.5, a ** b, 2 ** a, 1j ** 1j)
print((1 + 1j) ** 101, (1 + 1j) ** 100)
print(-a, +a, abs(b), abs(-3j), a.conjugate(), (1j).conjugate())
print(a.real, a.imag, type(a.real).__name__, (5j).real)
x = 1j
x += 1
x *= 2j
print(x)
print(sum([1j, 2j, 3]), 1j * 1j == -1)
