# A tuple is 40 bytes (GC head included) plus 8 per item; the empty tuple is 40.
import sys
print(sys.getsizeof(()))
for n in [1, 2, 3, 10]:
    print(n, sys.getsizeof(tuple(range(n))))
