# Every builtin type is held weakly by its base's tp_subclasses from PyType_Ready (add_subclass): getweakrefcount(T) is 1 from the start and weakref.ref(T) returns that reference
import gc
import sys
import weakref
for t in (bool, int, str, list, dict, tuple, type, float, complex, KeyError, OSError, ZeroDivisionError,
          BaseException, type(None), type(len), memoryview, range, slice, frozenset, bytearray):
    refs = weakref.getweakrefs(t)
    print(t.__name__, weakref.getweakrefcount(t), [gc.is_tracked(r) for r in refs], [r() is t for r in refs])
print(weakref.getweakrefcount(object))
r = weakref.ref(bool)
print(r is weakref.getweakrefs(bool)[0], weakref.getweakrefcount(bool))
print(sys.getrefcount(weakref.getweakrefs(int)[0]))
print(bool in int.__subclasses__(), int.__subclasses__().count(bool))
class MyInt(int):
    pass
print(int.__subclasses__()[-1] is MyInt, int.__subclasses__().count(bool), weakref.getweakrefcount(MyInt))
