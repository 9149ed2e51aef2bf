# The types CPython 3.11 makes as heap types from C at start-up (PyStructSequence_NewType,
# PyType_FromSpec, PyType_FromModuleAndSpec) are heap types at the first line: tracked type
# objects of 920 bytes holding their dict, mro and bases tuples and tp_base (and ht_module for a
# module's spec type), with a weak reference in their base's subclasses (ExceptionGroup, which
# PyErr_NewException makes, too); a struct sequence's
# instances hold a reference to their type and visit it first.
# options: --startup=cpython
# oracle: script
import gc, sys, os, time, posix, _thread, _signal, _weakref
HEAP = 1 << 9

def by_name(name):
    return [o for o in gc.get_objects() if isinstance(o, type) and o.__module__ + '.' + o.__qualname__ == name][0]

def show(t, dict_keys=True, refcount=True, referents=True):
    print(t.__module__ + '.' + t.__qualname__, bool(t.__flags__ & HEAP), gc.is_tracked(t), sys.getsizeof(t),
          t.__basicsize__, t.__itemsize__, t.__weakrefoffset__, _weakref.getweakrefcount(t),
          [x.__name__ for x in t.__mro__], t.__name__ is t.__name__, t.__mro__ is t.__mro__)
    refs = gc.get_referents(t)
    if referents:
        print('  referents', [type(x).__name__ for x in refs], refs[1] is t.__mro__, refs[2] is t.__bases__, refs[3] is t.__base__)
    if dict_keys:
        print('  dict', list(t.__dict__), t.__dict__['__module__'] is t.__module__)
    if refcount:
        print('  refcount', sys.getrefcount(t))

for t in (os.stat_result, os.statvfs_result, os.terminal_size, posix.sched_param, posix.times_result,
          posix.uname_result, posix.waitid_result, _signal.struct_siginfo, time.struct_time, _thread._ExceptHookArgs):
    show(t)
    print('  doc', t.__doc__ is t.__dict__['__doc__'], t.__doc__.splitlines()[0][:40])
show(_thread.LockType)
show(_thread.RLock, refcount=False)
show(posix.DirEntry)
show(by_name('posix.ScandirIterator'))
show(by_name('_abc._abc_data'))
show(_thread._local, referents=False)
show(ExceptionGroup)
show(by_name('_thread._localdummy'), dict_keys=False, refcount=False)
print(gc.get_referents(by_name('posix.ScandirIterator'))[4] is posix, gc.get_referents(posix.DirEntry)[4] is posix)

# a struct sequence's instance holds its type, and visits it first
r0 = sys.getrefcount(time.struct_time)
t = time.gmtime(0)
print(sys.getrefcount(time.struct_time) - r0, gc.get_referents(t)[0] is time.struct_time, gc.is_tracked(t))
del t
print(sys.getrefcount(time.struct_time) - r0)
st = os.stat_result(range(10))
print(gc.is_tracked(st), gc.get_referents(st)[:2], sys.getsizeof(st))
del st
r0 = sys.getrefcount(_thread.LockType)
lock = _thread.allocate_lock()
print(sys.getrefcount(_thread.LockType) - r0, gc.get_referents(lock) == [_thread.LockType], _thread.LockType.__repr__(lock)[:24])
del lock
print(sys.getrefcount(_thread.LockType) - r0)
with os.scandir(os.path.dirname(__file__)) as it:
    e = next(it)
    print(type(it).__iter__(it) is it, type(e).name.__get__(e) == e.name, repr(e) == type(e).__repr__(e), os.DirEntry[int])
