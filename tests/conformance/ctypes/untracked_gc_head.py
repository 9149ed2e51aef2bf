# _gc_next (the word 16 bytes before a GC object) is 0 exactly when the object is untracked.
import ctypes, gc
def gc_next(o):
    return ctypes.c_ssize_t.from_address(id(o) - 16).value
d = {'a': 1}
l = [1]
print(gc.is_tracked(d), gc_next(d) == 0)
print(gc.is_tracked(l), gc_next(l) == 0)
d['b'] = []
print(gc.is_tracked(d), gc_next(d) == 0)
