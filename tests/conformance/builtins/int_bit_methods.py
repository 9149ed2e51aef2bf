# int.bit_count, bit_length, as_integer_ratio and conjugate
for v in [0, 1, 7, -7, 255, 2 ** 100 - 1, -(2 ** 64), True]:
    print(v, v.bit_count(), v.bit_length(), v.as_integer_ratio(), v.conjugate())
print(type(True.as_integer_ratio()[0]).__name__, type(True.conjugate()).__name__)
