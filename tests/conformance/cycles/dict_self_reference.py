# A dict holding itself as a value, and as a value under several keys, is one object.
import gc
gc.collect()
d = {}
d['self'] = d
d['again'] = d
del d
print(gc.collect())
