# The list returned by get_objects() is not in itself; a list from an earlier call is, while alive.
import gc
gc.collect()
first = gc.get_objects()
second = gc.get_objects()
def contains(lst, obj):
    for o in lst:
        if o is obj:
            return True
    return False
print(contains(first, first), contains(second, second), contains(second, first))
print(len(second) - len(first))
