# A class with __slots__ allocates what 3.11's type_new does (the (object,) bases tuple first, the slots as a tuple, a list of the kept names, sorted, copied into the ht_slots tuple that the class keeps): count0 after each class statement
# (results are printed at the end: print's own allocations are not modelled)
import gc, sys
gc.disable()
gc.freeze(); gc.collect()
def delta(make):
    before = gc.get_count()[0]
    cls = make()
    return gc.get_count()[0] - before, sys.getsizeof(cls()), sorted(k for k in cls.__dict__ if not k.startswith('__'))
def tuple_slots():
    class K:
        __slots__ = ('tag', 'a', 'b', 'me', 'f', '__weakref__', '__dict__')
    return K
def str_slots():
    class K:
        __slots__ = 'x'
    return K
def list_slots():
    class K:
        __slots__ = ['x', '__dict__']
    return K
def dict_slots():
    class K:
        __slots__ = {'a': 1, 'b': 2}
    return K
def empty_slots():
    class K:
        __slots__ = ()
    return K
def mangled_slots():
    class K:
        __slots__ = ('__b', 'a')
    return K
def duplicate_slots():
    class K:
        __slots__ = ('a', 'a')
    return K
def no_slots():
    class K:
        pass
    return K
R = []
for make in (tuple_slots, str_slots, list_slots, dict_slots, empty_slots, mangled_slots, duplicate_slots, no_slots):
    R.append((make.__name__, delta(make)))
# the kept tuple is a GC object of the class's (tracked until a collection untracks it)
gc.collect()
base = len(gc.get_objects())
class S:
    __slots__ = ('p', 'q')
R.append(("new GC objects", len(gc.get_objects()) - base))
for r in R:
    print(*r)
