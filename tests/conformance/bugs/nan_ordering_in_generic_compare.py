# An ordering comparison with a float NaN operand is False (float_richcompare); refheap's generic comparison (the path
# operator.le, array items and other containers' item comparisons take) used a three-way order that called NaN equal.
import operator, array
nan = float('nan')
print(operator.le(nan, nan), operator.ge(nan, 1), operator.lt(1, nan), operator.gt(nan, 1.0), operator.le(True, nan))
a, b = array.array('d', [nan]), array.array('d', [nan])
print(a <= b, a >= b, a < b, a > b, a == b, a != b)
print(array.array('d', [1, nan]) <= array.array('d', [1, nan]), array.array('f', [nan, 0]) < array.array('f', [nan, 1]))
