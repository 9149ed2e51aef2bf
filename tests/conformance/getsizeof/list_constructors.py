# Lists built different ways have different allocations: literal, multiplication, list(), comprehension.
import sys
print(sys.getsizeof([0, 0, 0, 0, 0]))
print(sys.getsizeof([0] * 5))
print(sys.getsizeof(list((0, 0, 0, 0, 0))))
print(sys.getsizeof([0 for i in range(5)]))
l = []
l.extend([0, 0, 0, 0, 0])
print(sys.getsizeof(l))
print(sys.getsizeof(list(range(5))))
