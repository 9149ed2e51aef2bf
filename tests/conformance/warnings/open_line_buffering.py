# _io.open's RuntimeWarning for buffering=1 in binary mode: through the filters before warnings is imported too
import os, sys, _warnings
path = '/tmp/refheap_conformance_open_line_buffering_%d.bin' % os.getpid()  # one per process: runs may overlap
f = open(path, 'wb', buffering=1)
f.close()
print(sorted(k for k in globals().get('__warningregistry__', {}) if k != 'version'))
_warnings.filters.insert(0, ('error', None, RuntimeWarning, None, 0))
try:
    open(path, 'wb', buffering=1)
except RuntimeWarning as e:
    print('raised', e)
del _warnings.filters[0]
import warnings
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    g = open(path, 'rb', buffering=1)
    g.close()
print([(w.category.__name__, w.lineno) for w in log])
os.unlink(path)
