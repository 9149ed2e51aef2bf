# get_objects(generation) lists one generation; -1/None mean all; other values raise ValueError.
import gc
gc.collect()
marker = ['marker']
def contains(lst, obj):
    for o in lst:
        if o is obj:
            return True
    return False
print(contains(gc.get_objects(0), marker), contains(gc.get_objects(2), marker))
gc.collect(0)
print(contains(gc.get_objects(0), marker), contains(gc.get_objects(1), marker))
gc.collect()
print(contains(gc.get_objects(2), marker), contains(gc.get_objects(), marker), contains(gc.get_objects(None), marker))
print(contains(gc.get_objects(-1), marker))
for g in [3, 10, -2, -10]:
    try:
        gc.get_objects(g)
    except ValueError as e:
        print(g, type(e).__name__, e)
try:
    gc.get_objects('0')
except TypeError as e:
    print(type(e).__name__, e)
print(contains(gc.get_objects(), 12345678), contains(gc.get_objects(), 'marker'))
