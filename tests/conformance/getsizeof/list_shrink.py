# Popping items shrinks a list's allocation once it falls below half; clear() frees it entirely.
import sys
l = list(range(100))
sizes = [sys.getsizeof(l)]
while l:
    l.pop()
    s = sys.getsizeof(l)
    if s != sizes[-1]:
        sizes.append(s)
print(sizes)
m = [1] * 50
m.clear()
print(sys.getsizeof(m))
