# A list's size steps up with CPython's over-allocation pattern as items are appended one at a time.
import sys
l = []
sizes = [sys.getsizeof(l)]
for i in range(70):
    l.append(i)
    s = sys.getsizeof(l)
    if s != sizes[-1]:
        sizes.append(s)
print(sizes)
print(sys.getsizeof([1, 2, 3]), sys.getsizeof([0] * 10), sys.getsizeof(list(range(10))))
