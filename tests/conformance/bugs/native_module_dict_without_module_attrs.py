# A module made in C (PyModule_New, PyModule_Create, or from a spec) has __name__, __doc__,
# __package__, __loader__ and __spec__ in its dict from its creation, so everything its set-up adds
# comes after them, and importlib's _init_module_attrs only replaces their values. refheap's native
# modules were made with __name__ and __doc__ only: imported before importlib's classes existed
# they had no __package__, __loader__ or __spec__ at all, and after, those three came after the
# module's own names (`__loader__` last among resource's callables under CPython's start-up).
import pwd, errno, _operator, _csv, select, math, array, binascii, zlib, _struct, resource, itertools
import _collections, _functools, atexit, faulthandler, _random, _bisect, _heapq, cmath, fcntl, grp
for m in (pwd, errno, _operator, _csv, select, math, array, binascii, zlib, _struct, resource, itertools,
          _collections, _functools, atexit, faulthandler, _random, _bisect, _heapq, cmath, fcntl, grp):
    print(m.__name__, list(vars(m))[:5])
