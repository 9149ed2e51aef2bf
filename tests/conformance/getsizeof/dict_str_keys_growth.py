# A dict with only str keys uses the compact 16-byte entries, so it grows in smaller steps than an int-keyed one.
import sys
d = {}
last = sys.getsizeof(d)
sizes = [last]
for i in range(100):
    d[f'k{i}'] = i
    s = sys.getsizeof(d)
    if s != last:
        last = s
        sizes.append((len(d), s))
print(sizes)
d[1] = 1
print(sys.getsizeof(d))
