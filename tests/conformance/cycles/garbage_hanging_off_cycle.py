# Objects reachable only from a cycle are collected with it and counted (non-container items are not).
import gc
gc.collect()
a = []
a.append(a)
a.append([1, 2])
a.append({'k': [3]})
a.append('text')
a.append(12345678)
del a
print(gc.collect())
