# _testcapi.create_cfunction makes a new builtin function bound to the module each call: weakly
# referenceable, tracked, dead as soon as its last reference goes.
import gc, sys, weakref
import _testcapi

f = _testcapi.create_cfunction()
print(f, f.__name__, f.__qualname__, f.__module__, f.__doc__, f.__self__ is _testcapi)
print(sys.getsizeof(f), gc.is_tracked(f), sys.getrefcount(f), gc.get_referents(f) == [_testcapi])
g = f()
print(g is f, g == f, type(g) is type(len))
calls = []
wr = weakref.ref(f, calls.append)
print(wr() is f, weakref.getweakrefcount(f))
del f
print(wr() is None, calls == [wr])
try:
    g(1)
except TypeError as e:
    print(e)
