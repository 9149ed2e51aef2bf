# Every warning category of CPython 3.11 is a builtin (warnings.py's filters name
# PendingDeprecationWarning, ImportWarning, ResourceWarning... at import): bases, instances,
# sizes, gc tracking and refcounts, raising and catching, subclassing.
import gc
import sys
import builtins

names = ['UserWarning', 'DeprecationWarning', 'PendingDeprecationWarning', 'SyntaxWarning',
         'RuntimeWarning', 'FutureWarning', 'ImportWarning', 'UnicodeWarning', 'BytesWarning',
         'ResourceWarning', 'EncodingWarning']
for n in names:
    t = getattr(builtins, n)
    e = t('msg', 1)
    print(n, [c.__name__ for c in t.__mro__], t.__module__, repr(e), str(e), e.args)
    print('  size', sys.getsizeof(e), 'tracked', gc.is_tracked(e), 'refs', sys.getrefcount(e))
    print('  dict', [k for k in sorted(t.__dict__) if k != '__doc__'])
    try:
        raise t('boom')
    except Warning as w:
        print('  caught', type(w).__name__, w, isinstance(w, Exception))


class Mine(PendingDeprecationWarning):
    pass


m = Mine('x')
print(issubclass(Mine, Warning), repr(m), sys.getsizeof(m), gc.is_tracked(m))
print(issubclass(PendingDeprecationWarning, DeprecationWarning), issubclass(BytesWarning, UnicodeWarning))
