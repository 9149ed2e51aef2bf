# bug: gc.get_referents of a generator missed gi_code, gi_name, gi_qualname and the frame's code; a generator holds its code twice
import gc, sys
def g():
    x = 1
    yield x
c = g.__code__
before = sys.getrefcount(c)
it = g()
print(sys.getrefcount(c) - before)
print([type(r).__name__ for r in gc.get_referents(it)])
next(it)
print([type(r).__name__ for r in gc.get_referents(it)])
fr = it.gi_frame
print([type(r).__name__ for r in gc.get_referents(it)])
r = gc.get_referents(it)
print(r[0] is c, r[1] == 'g', r[2] == 'g', r[3] is fr)
del fr, r, it
print(sys.getrefcount(c) - before)
