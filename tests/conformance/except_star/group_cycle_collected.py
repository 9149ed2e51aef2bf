# A group caught into a local that the group's traceback frame holds is a cycle the collector frees.
import gc, weakref
class Leaf(Exception):
    pass

def make():
    try:
        raise ExceptionGroup("eg", [Leaf()])
    except ExceptionGroup as e:
        saved = e
        return weakref.ref(saved.exceptions[0]), weakref.ref(saved)

gc.collect()
gc.disable()
r_leaf, r_eg = make()
print(r_leaf() is not None, r_eg() is not None)
print(gc.collect() > 0)
print(r_leaf(), r_eg())
gc.enable()
