# getsizeof is shallow: a container's size does not include the objects it refers to.
import sys
small = [1, 2, 3]
big = ['x' * 10000, 'y' * 10000, 'z' * 10000]
print(sys.getsizeof(small) == sys.getsizeof(big))
print(sys.getsizeof((small,)) == sys.getsizeof((big,)))
print(sys.getsizeof({'k': small}) == sys.getsizeof({'k': big}))
