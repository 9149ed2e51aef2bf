# getsizeof of ints: 28 bytes for one 30-bit digit, 4 more per extra digit; 0 is 28 too in 3.11.
import sys
for n in [0, 1, -1, 255, 2 ** 30 - 1, 2 ** 30, 2 ** 60 - 1, 2 ** 60, 2 ** 90, 10 ** 100, -(2 ** 64)]:
    print(sys.getsizeof(n))
print(sys.getsizeof(True), sys.getsizeof(False))
