# a class whose body's __set_name__ raised was never released (its reference leaked: the stress run's
# exact check found the class's refcount one above its references); a failing __init_subclass__ was
import gc, weakref
class Boom:
    def __set_name__(self, owner, name):
        global seen
        seen = weakref.ref(owner)
        raise ValueError(name)
try:
    class U:
        x = Boom()
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))
    del e
gc.collect()
print(seen())
