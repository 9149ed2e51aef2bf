# Seed cell 12: each dict of a two-dict cycle has a name and the other dict's reference: getrefcount 3.
import sys
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
print(sys.getrefcount(d1))
print(sys.getrefcount(d2))
