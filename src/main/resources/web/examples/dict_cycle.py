import gc, sys
d1 = {}
d2 = {}
d1["d2"] = d2
d2["d1"] = d1
print(sys.getrefcount(d1))
del d1, d2
print(gc.collect())
