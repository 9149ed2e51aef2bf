# A dict's size steps up as its keys table grows (8, 16, 32, ... slots).
import sys
d = {}
last = sys.getsizeof(d)
sizes = [last]
for i in range(100):
    d[i] = i
    s = sys.getsizeof(d)
    if s != last:
        last = s
        sizes.append((len(d), s))
print(sizes)
print(sys.getsizeof({'a': 1}), sys.getsizeof(dict(a=1, b=2)))
