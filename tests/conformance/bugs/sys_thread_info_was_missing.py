# sys.thread_info (PyThread_GetInfo: the thread implementation, its lock, and the C library's
# threads' version from confstr(_CS_GNU_LIBPTHREAD_VERSION)) was missing: AttributeError.
import sys
import gc
import pickle
import copy
import time

ti = sys.thread_info
t = type(ti)
print(ti.name, ti.lock, type(ti.version).__name__, ti.version.startswith('NPTL '))
print(t, t.__module__, t.__qualname__, t.__mro__)
print(t.n_fields, t.n_sequence_fields, t.n_unnamed_fields, t.__match_args__, len(ti), ti[:2])
# (refheap's struct sequence types have no __new__ in their dicts yet: left out here)
print([k for k in vars(t) if k not in ('__doc__', '__new__')])
print(t.name, t.__repr__, t.__reduce__)
print(ti.__reduce__()[0] is t, ti.__reduce__()[1][0][:2], ti.__reduce__()[1][1])
print(copy.copy(ti) == ti)
try:
    pickle.dumps(ti)
except pickle.PicklingError as e:
    print(type(e).__name__, e)
print(gc.is_tracked(ti), sys.getsizeof(ti))
r = repr(ti)
print(r.startswith("sys.thread_info(name='pthread', lock='semaphore', version='NPTL "), r.endswith("')"))
try:
    ti.name = 'x'
except AttributeError as e:
    print(e)
# structseq_new is argument clinic's structseq(sequence, dict=NULL): its messages name 'structseq'
for args, kwargs in [((), {}), ((1, 2, 3), {}), ((['a', 'b', 'c'],), {'dict': {}}), ((['a', 'b', 'c'],), {'sequence': 1}),
                     ((), {'sequence': ['a', 'b', 'c']}), ((['a', 'b', 'c'],), {'x': 1}), ((['a'],), {}), ((['a', 'b', 'c'], None), {})]:
    try:
        r = t(*args, **kwargs)
        print(r, gc.is_tracked(r))
    except TypeError as e:
        print(e)
match ti:
    case (name, lock, version):
        print('matched', name, lock)

try:
    time.struct_time()
except TypeError as e:
    print(e)
print(time.struct_time(sequence=range(9), dict={'tm_zone': 'UTC'}).tm_zone)
