# 0 << n is 0 for any n >= 0 in 3.11 (long_lshift returns zero before sizing anything); refheap
# raised OverflowError for a count past 2**31. A huge shift of a nonzero int is OverflowError
# "too many digits in integer" only where 3.11's digit count passes what a PyLongObject can hold;
# short of that it is the MemoryError of an allocation no machine makes.
import sys


def show(f):
    try:
        print(f())
    except (OverflowError, MemoryError, ValueError) as e:
        print(type(e).__name__, e)


show(lambda: 0 << 0)
show(lambda: 0 << 2**31)
show(lambda: 0 << sys.maxsize)
show(lambda: 0 << (sys.maxsize + 1))
show(lambda: 0 << (1 << 1000))
show(lambda: 0 << -1)
show(lambda: 0 << -(1 << 1000))
show(lambda: 42 << -(1 << 1000))
show(lambda: 1 << 2**100)
show(lambda: -1 << 2**100)
show(lambda: 1 << (1 << 1000))
show(lambda: 1 << 2**62)
show(lambda: 1 << 2**63)
show(lambda: 2**100 << 2**64)
show(lambda: 1 << 2**40)
show(lambda: (1 << 1000) >> (1 << 1000))
show(lambda: -(1 << 1000) >> (1 << 1000))
show(lambda: 42 >> (1 << 1000))
x = 0
x <<= 2**80
print(x)
