# A list that contains itself survives del and is freed by gc.collect(), which counts 1 object.
import gc, sys
gc.collect()
l = []
l.append(l)
print(sys.getrefcount(l))
del l
print(gc.collect())
print(gc.collect())
