# imaginary literals and the constants folding makes of them
a = 1j
b = 1 + 2j
c = -1j
d = 2j ** 2
e = (-8) ** (1/3)
f = (1j, 2.0J, 1_0j, .5j, 1e3j, 0j, -0j)
g = 3 - 4j * 2
h = 1j / 0
i = abs(1j) + 1j
def k(x):
    return x * 1j + (2 + 0j)
