# dict.popitem() makes its result tuple before it looks at the size, as 3.11's dict_popitem_impl: on an empty dict that tuple is made (fresh after a full collection emptied the free lists) and freed to the tuple free list before the KeyError, so count0 moves as CPython's
import gc
gc.disable()
gc.freeze(); gc.collect()
R = []
for i in range(3):
    b = gc.get_count()[0]
    try:
        {}.popitem()
    except KeyError as ex:
        pass
    R.append(gc.get_count()[0] - b)
d = {'a': 1}
b = gc.get_count()[0]
kv = d.popitem()
R.append((kv, gc.get_count()[0] - b, d))
print(R)
