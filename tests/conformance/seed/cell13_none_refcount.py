# Seed cell 13: after d1 = d2 = None the names hold None, whose refcount is large and varies run to run.
# env-line: 1 refcount of None depends on the whole interpreter
# env-line: 2 refcount of None depends on the whole interpreter
# env-line: 3 same: thousands in CPython (its stdlib and site hold None), far fewer in refheap, whose runtime is small
import sys
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
d1 = None
d2 = None
print(sys.getrefcount(d1))
print(sys.getrefcount(d2))
print(sys.getrefcount(d1) > 100)
print(d1 is d2, d1 is None)
