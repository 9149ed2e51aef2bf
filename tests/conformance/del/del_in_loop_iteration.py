# Deleting items of a dict while iterating it raises RuntimeError; over a copy of the keys it is fine.
d = {'a': 1, 'b': 2, 'c': 3}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
for k in list(d):
    del d[k]
print(d)
