# Deleting a missing attribute of an instance whose class's shared keys are full makes the
# instance's __dict__ from its inline values (3.11's _PyObject_StoreInstanceAttribute), as a store
# does; deleting a missing name from an instance dict makes and drops the KeyError's 1-tuple.
# refheap kept the inline values (found by the memory fuzzer, seed 2004951).
import gc

def kinds(o):
    return sorted(type(x).__name__ for x in gc.get_referents(o))

for n in (1, 20, 26, 27, 28, 40):
    class K:
        def __init__(self, tag):
            self.tag = tag
    for i in range(n):
        x = K(i)
    v = K(5)
    v.b = v
    try:
        del v.me
    except AttributeError as e:
        print(n, e)
    print(n, kinds(v))
    gc.disable()
    after = gc.get_count()[0]
    try:
        del v.other
    except AttributeError:
        pass
    print(n, kinds(v), gc.get_count()[0] - after)
    gc.enable()
    del v.b
    print(n, kinds(v))
    v.b = v
    del v
    print(n, 'collected', gc.collect())
