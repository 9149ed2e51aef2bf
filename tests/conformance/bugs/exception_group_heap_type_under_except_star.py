# except* with ExceptionGroup as CPython 3.11's heap type (PyErr_NewException's): a naked exception
# wrapped, a group split by the handlers, re-raised; the groups' type is ExceptionGroup itself.
import sys
EG = ExceptionGroup
r0 = sys.getrefcount(EG)
def f():
    try:
        raise EG('outer', [ValueError('v'), TypeError('t'), EG('inner', [ValueError('w')])])
    except* ValueError as g:
        print('caught', repr(g), type(g).__name__)
    except* TypeError as g:
        print('caught', repr(g))
f()
try:
    try:
        raise ValueError('plain')
    except* ValueError as g:
        print('wrapped', repr(g), type(g) is EG)
        raise
except ExceptionGroup as g:
    print('reraised', repr(g))

print(sys.getrefcount(EG) - r0)
