# bug: True & False, True | False, True ^ True on variables gave ints (bool_and/or/xor give bools)
x, y = True, False
print(x & y, x | y, x ^ x, type(x & y).__name__, x & 1, type(x | 0).__name__)
