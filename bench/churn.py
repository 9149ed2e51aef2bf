# Allocation churn: 10,000,000 short-lived small objects (tuples, lists, dicts, floats), freed at once.
total = 0
for i in range(2500000):
    t = (i, i + 1)
    l = [i]
    d = {'k': i}
    f = i * 0.5
    total += t[1] - l[0] + d['k'] - int(f + f)
print('checksum', total)
