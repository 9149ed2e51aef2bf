# sys.__unraisablehook__ called by the program with UnraisableHookArgs of any parts: a traceback other
# than the exception's, a value that is not an exception or None, a class that is not an exception,
# an __module__ that is not a str, a failing __str__; an exc_type of None fails as CPython's hook
# does (SystemError after the traceback). An exc_type that is not a class crashes python3: not here.
import sys, gc
captured = []
def hook(a):
    captured.append(a)
sys.unraisablehook = hook
class D:
    def __del__(self):
        raise KeyError('k')
D()
sys.unraisablehook = sys.__unraisablehook__
T = type(captured[0])
a = captured[0]
def tb_of():
    try:
        1/0
    except ZeroDivisionError as e:
        return e.__traceback__
tb = tb_of()
cases = [
    (a.exc_type, a.exc_value, None, None, None),
    (a.exc_type, a.exc_value, tb, 'custom message', 42),
    (ValueError, a.exc_value, None, None, 'obj'),
    (ValueError, None, None, 'only a type', None),
    (None, None, None, 'nothing', None),
    (None, None, tb, None, None),
    (RuntimeError, 'not an exception', None, None, None),
    (RuntimeError, 12, 'not a traceback', None, None),
    (D, None, None, None, None),
]
class M(Exception):
    __module__ = 'some.where'
class Q(Exception):
    __module__ = 42
class S(Exception):
    def __str__(self):
        raise TypeError
cases += [(M, M('m'), None, None, None), (Q, Q('q'), None, None, None), (S, S(), None, 3, None)]
for c in cases:
    print('--', [type(x).__name__ for x in c], file=sys.stderr)
    try:
        sys.__unraisablehook__(T(c))
    except SystemError as e:
        print('SystemError', e, file=sys.stderr)
