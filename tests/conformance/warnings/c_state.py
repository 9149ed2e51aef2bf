# _warnings before and after warnings is imported: the filters CPython builds, the objects warnings.py binds
import sys, gc
import _warnings
print('warnings' in sys.modules)
print(_warnings.filters)
print(type(_warnings.filters).__name__, sys.getsizeof(_warnings.filters), gc.is_tracked(_warnings.filters))
print(_warnings._defaultaction, _warnings._onceregistry, sys.getrefcount(_warnings._onceregistry))
print(sorted(n for n in dir(_warnings) if not n.startswith('__')))
print(_warnings.filters[0][3] is '__main__', [gc.is_tracked(f) for f in _warnings.filters])
f0 = _warnings.filters[0]
print(sys.getrefcount(f0), sys.getrefcount(_warnings.filters))
import warnings
print(warnings.filters is _warnings.filters, warnings.onceregistry is _warnings._onceregistry,
      warnings.defaultaction is _warnings._defaultaction)
print(warnings.warn is _warnings.warn, warnings.warn_explicit is _warnings.warn_explicit,
      warnings._filters_mutated is _warnings._filters_mutated)
print(type(warnings.warn).__name__, warnings.warn.__module__, warnings.warn.__name__)
print(sys.getrefcount(_warnings.filters), sys.getrefcount(f0))
print(_warnings._filters_mutated())
try:
    _warnings._filters_mutated(1)
except TypeError as e:
    print(e)
