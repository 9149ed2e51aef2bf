# ctypes.pythonapi: refheap's own C API functions by name (the refcount ones through the ctypes ledger),
# argtypes, restype and errcheck honoured, other names refused naming the ones there are. The
# refcount functions' raise and lower (a leak between the two, which --gc-stress reports at once)
# are CtypesWriteContractTest's; here only what leaves the counts as they were.
import ctypes, sys, gc
api = ctypes.pythonapi
print(type(api).__name__, api._name)
f = api.Py_IncRef
print(type(f).__name__, repr(f)[:17], f.__name__, f.argtypes, f.restype is ctypes.c_int, f.errcheck, api.Py_IncRef is f, api['Py_IncRef'] is f, gc.is_tracked(f))
x = object()
r0 = sys.getrefcount(x)
for g in (lambda: api.Py_IncRef(x), lambda: api.__foo__, lambda: api.PyGC_IsEnabled(1.5)):
    try:
        g()
    except Exception as e:
        print(type(e).__name__, e)
print(hasattr(api, 'Nope'), hasattr(api, 'Py_REFCNT'), hasattr(api, 'PyGC_Collect'))
f2 = api.PyGC_IsEnabled
print(f2(), api.PyGC_Disable(), api.PyGC_IsEnabled(), gc.isenabled(), api.PyGC_Collect(), api.PyGC_Enable(), gc.isenabled())
api.PyObject_GC_IsTracked.argtypes = [ctypes.py_object]
print(api.PyObject_GC_IsTracked([]), api.PyObject_GC_IsTracked(1), api.PyObject_GC_IsTracked((1, 2)), [t.__name__ for t in api.PyObject_GC_IsTracked.argtypes])
api.PyObject_GC_IsFinalized.argtypes = [ctypes.py_object]
print(api.PyObject_GC_IsFinalized([]), api.PyObject_GC_IsFinalized('s'))
api.PyGC_Collect.restype = ctypes.c_ssize_t
gc.collect()
l = []; l.append(l); del l
print(api.PyGC_Collect(), api.PyGC_Collect())
api.Py_IncRef.argtypes = (ctypes.py_object,)
api.Py_IncRef.restype = None
try:
    api.Py_IncRef()
except TypeError as e:
    print('TypeError', e)
for attr, v in (('argtypes', 5), ('restype', 5), ('errcheck', 5)):
    try:
        setattr(api.PyGC_IsEnabled, attr, v)
    except TypeError as e:
        print('TypeError', e)
api.PyGC_IsEnabled.restype = bool
print(api.PyGC_IsEnabled())
api.PyGC_IsEnabled.restype = ctypes.c_int
api.PyGC_IsEnabled.errcheck = lambda result, func, args: (result, func.__name__, args)
print(api.PyGC_IsEnabled())
del api.PyGC_IsEnabled.errcheck
print(api.PyGC_IsEnabled(), api.PyGC_IsEnabled.errcheck)
print([t.__name__ for t in api.Py_IncRef.argtypes], api.Py_IncRef.restype)
