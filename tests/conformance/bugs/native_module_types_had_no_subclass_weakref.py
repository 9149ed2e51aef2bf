# PyType_Ready's add_subclass: every type a native module readies (at start-up or at the module's
# import) is held by a weak reference in its base's subclasses dict, so weakref.getweakrefcount of
# the type is 1 and the first line's gc.get_objects() holds those weak references. refheap made
# them only for the types its runtime's constructor made, not for _io's, _thread's, posix's...
import _io, _thread, os, time, weakref, array, gc
for t in (_io.FileIO, _io.TextIOWrapper, _io._IOBase, _thread.LockType, _thread.RLock, os.stat_result,
          time.struct_time, array.array):
    print(t.__name__, weakref.getweakrefcount(t))
refs = weakref.getweakrefs(_thread.RLock)
print(len(refs), refs[0]() is _thread.RLock, gc.is_tracked(refs[0]), _thread.RLock in object.__subclasses__())
