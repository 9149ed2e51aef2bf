# A native module's functions carry their module's name (m_module), so the functions of a fresh
# copy of the module (import_fresh_module, which takes it out of sys.modules again) still say which
# module they are from; a builtin function's __module__ can be set and deleted as in CPython.
import sys
from test.support.import_helper import import_fresh_module

fresh = import_fresh_module('heapq', fresh=['_heapq'])
import _heapq
print(fresh.heappush is _heapq.heappush)
for name in ('heappush', 'heappop', 'heapify', 'heapreplace', 'heappushpop'):
    f = getattr(fresh, name)
    print(name, f.__module__, getattr(_heapq, name).__module__)

op = import_fresh_module('operator', fresh=['_operator'])
print(op.or_.__module__, op.itemgetter.__module__, op.length_hint.__module__)

import math, _struct, _random
print(math.sin.__module__, _struct.pack.__module__, len.__module__, [].append.__module__)
name = math.sin.__module__
before = sys.getrefcount(name)

f = _struct.calcsize
f.__module__ = 'elsewhere'
print(f.__module__, _struct.calcsize.__module__)
del f.__module__
print(f.__module__)
f.__module__ = '_struct'
print(f.__module__)
try:
    del len.__self__
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
print(sys.getrefcount(name) - before)
