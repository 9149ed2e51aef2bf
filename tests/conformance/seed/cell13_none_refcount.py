# Seed cell 13: after d1 = d2 = None the names hold None, whose refcount is large and varies run to run.
# env-line: 1 refcount of None depends on the whole interpreter
# env-line: 2 refcount of None depends on the whole interpreter
import sys
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
d1 = None
d2 = None
print(sys.getrefcount(d1))
print(sys.getrefcount(d2))
print(sys.getrefcount(d1) > 100, d1 is d2)
