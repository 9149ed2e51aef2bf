# BaseException.add_note (new in 3.11) was refused as not supported: a str appended to __notes__,
# the list made on first use, TypeError for a non-str note or a __notes__ that is not a list; the
# traceback module and the uncaught display show the notes after the message line.
import sys, traceback
e = ValueError('x')
print(hasattr(e, '__notes__'))
e.add_note('hello')
e.add_note('two\nlines')
print(e.__notes__, type(e.__notes__).__name__)
for bad in (3, None, b'x'):
    try:
        e.add_note(bad)
    except TypeError as x:
        print(x)
f = KeyError('k')
f.__notes__ = ('a', 'b')
try:
    f.add_note('c')
except TypeError as x:
    print(x)
print(sys.getrefcount(e.__notes__))
try:
    raise e
except ValueError as v:
    print(''.join(traceback.format_exception_only(type(v), v)), end='')
g = ExceptionGroup('eg', [ValueError('m')])
g.add_note('group note')
g.exceptions[0].add_note('member note')
print(''.join(traceback.format_exception(g)).count('note'))
h = TypeError('t')
h.__notes__ = 42
print(''.join(traceback.format_exception_only(type(h), h)), end='')
raise e
