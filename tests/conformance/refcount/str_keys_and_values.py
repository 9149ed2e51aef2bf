# String keys are shared with co_consts and other dicts; each dict slot adds one reference.
import sys
key = 'a key with spaces'
print(sys.getrefcount(key))
d1 = {key: 1}
print(sys.getrefcount(key))
d2 = {'a key with spaces': 2}
print(sys.getrefcount(key))
d3 = dict(d2)
print(sys.getrefcount(key))
del d1, d2, d3
print(sys.getrefcount(key))
