# warn_explicit under a 'once' filter reads warnings.onceregistry (not _onceregistry), which must be a dict
import sys
import warnings
sys.stderr = sys.stdout
warnings.filterwarnings('once')
warnings.onceregistry = None
try:
    warnings.warn_explicit('foo', Warning, 'bar', 1, registry=None)
except TypeError as e:
    print('TypeError', e)
warnings.onceregistry = {}
warnings._onceregistry = None
warnings.warn_explicit('foo2', Warning, 'bar', 1, registry=None)
warnings.defaultaction = 'error'
warnings.resetwarnings()
warnings._defaultaction = 'ignore'
try:
    warnings.warn_explicit('foo3', Warning, 'bar', 1, registry=None)
except Warning as e:
    print('raised', e)
