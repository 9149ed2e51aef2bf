# a negative number to a fractional power gives a complex result (folded or computed)
print((-8) ** (1/3))
x = -8
y = 1 / 3
print(x ** y, type(x ** y).__name__)
print((-8.0) ** 0.5, (-1) ** 0.5, (-2.0) ** 1.5)
print((-8) ** 2.0, (-8) ** -1.0, type((-8) ** 2.0).__name__)
print(pow(-27, 1 / 3), (-0.5) ** 0.25)
