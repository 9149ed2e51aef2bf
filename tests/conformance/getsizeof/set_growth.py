# A set's size steps up as its hash table grows.
import sys
s = set()
last = sys.getsizeof(s)
sizes = [last]
for i in range(100):
    s.add(i)
    z = sys.getsizeof(s)
    if z != last:
        last = z
        sizes.append((len(s), z))
print(sizes)
print(sys.getsizeof({1, 2, 3}))
