# warnings.catch_warnings and the filters functions over the C functions: record, simplefilter, resetwarnings
import warnings, _warnings, sys
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    warnings.warn('one')
    warnings.warn('two', DeprecationWarning)
    warnings.warn_explicit('three', RuntimeWarning, 'x.py', 5)
    print(_warnings.filters is warnings.filters, len(warnings.filters))
for w in log:
    print(type(w).__name__, w.message, w.category.__name__, w.filename, w.lineno, w.line, w.file, w.source)
print(_warnings.filters is warnings.filters, len(_warnings.filters), len(warnings.filters))
with warnings.catch_warnings():
    warnings.filterwarnings('error', message='bad', category=UserWarning)
    try:
        warnings.warn('bad news')
    except UserWarning as e:
        print('raised', e, sys.getrefcount(e))
    warnings.warn('good news')
    print(__warningregistry__.get('version'), len(__warningregistry__))
print(__warningregistry__.get('version'))
warnings.warn('good news')
warnings.resetwarnings()
print(warnings.filters)
warnings.warn('after reset')
warnings.simplefilter('once')
def f():
    warnings.warn('once per text', stacklevel=1)
f(); f()
warnings.warn('once per text')
print(sorted(repr(k) for k in __warningregistry__), warnings.onceregistry)
