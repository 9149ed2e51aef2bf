# Objects alive at the same time all have different ids; aliases share one id.
objs = [[k] for k in range(200)]
ids = set()
for o in objs:
    ids.add(id(o))
print(len(ids))
a = b = objs[5]
print(id(a) == id(b), a is b)
print(id(objs[5]) == id(objs[6]))
