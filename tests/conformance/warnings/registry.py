# __warningregistry__ under each action: keys, the version stamp, emptying when the filters change
import _warnings, sys
def reg():
    r = globals().get('__warningregistry__')
    return None if r is None else sorted([((k if isinstance(k, str) else (k[0], k[1].__name__) + k[2:]), v) for k, v in r.items()], key=repr)
print(reg())
_warnings.warn('plain')
print(reg())
for i in range(2):
    _warnings.warn('loop')
print(reg())
for action in ('module', 'once', 'always', 'ignore', 'default'):
    _warnings.filters.insert(0, (action, None, UserWarning, None, 0))
    _warnings._filters_mutated()
    for i in range(2):
        _warnings.warn(action + ' a')
        _warnings.warn(action + ' b', UserWarning)
    print(action, reg(), _warnings._onceregistry)
    del _warnings.filters[0]
_warnings._filters_mutated()
_warnings.filters.insert(0, ('error', None, UserWarning, None, 0))
try:
    _warnings.warn('err')
except UserWarning as e:
    print('raised', type(e).__name__, e.args)
print(reg())
del _warnings.filters[0]
_warnings._filters_mutated()
# a version that is not the current one empties the registry at the next warning
__warningregistry__['version'] = 'x'
__warningregistry__['junk'] = 1
_warnings.warn('after junk')
print(reg())
__warningregistry__[('suppressed', UserWarning, 35)] = True
_warnings.warn('suppressed')
__warningregistry__[('falsy', UserWarning, 37)] = 0
_warnings.warn('falsy')
print(reg())
# once without a registry: the once registry
_warnings.filters.insert(0, ('once', None, UserWarning, None, 0))
_warnings.warn_explicit('once x', UserWarning, 'f.py', 1)
_warnings.warn_explicit('once x', UserWarning, 'f.py', 2)
print(_warnings._onceregistry)
del _warnings.filters[0]
# message and module filters: exact str and regex
import re
_warnings.filters.insert(0, ('ignore', re.compile('hid'), Warning, None, 0))
_warnings.filters.insert(0, ('ignore', None, Warning, 'mymod', 0))
_warnings.filters.insert(0, ('ignore', None, Warning, None, 53))
_warnings.warn('hidden')
_warnings.warn_explicit('from mymod', UserWarning, 'x.py', 3, module='mymod')
_warnings.warn_explicit('from x', UserWarning, 'x.py', 3)
_warnings.warn('on line 53')
_warnings.warn('on line 54')
del _warnings.filters[:3]
try:
    _warnings.filters.insert(0, ('bogus', None, Warning, None, 0))
    _warnings.warn('bogus action')
except RuntimeError as e:
    print(e)
del _warnings.filters[0]
try:
    _warnings.filters.insert(0, ('ignore', None))
    _warnings.warn('short')
except ValueError as e:
    print(e)
del _warnings.filters[0]
