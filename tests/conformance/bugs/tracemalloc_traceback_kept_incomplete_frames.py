# tracemalloc passes over frames still in their prologue (a cell MAKE_CELL allocates, a generator
# RETURN_GENERATOR makes), as 3.11's traceback_get_frames skips incomplete frames
import tracemalloc, sys
def gen():
    yield 1
def f(x):
    def g():
        return x
    return g
tracemalloc.start(4)
g = gen()
print([fr.lineno for fr in tracemalloc.get_object_traceback(g) if fr.filename == __file__])
c = f(0).__closure__[0]
print([fr.lineno for fr in tracemalloc.get_object_traceback(c) if fr.filename == __file__])
def outer():
    def inner():
        return sys._getframe(1).f_code.co_name
    return inner()
print(outer())
