# types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) was refused ("cannot create 'traceback' instances"); _testcapi.traceback_print (PyTraceBack_Print) was missing; the C display printed a non-str __module__ without '<unknown>.' and a non-sequence __notes__ with a newline
import gc
import sys
import types
import _testcapi


def f():
    return sys._getframe()


frame = f()
lineno = f.__code__.co_firstlineno
tb = types.TracebackType(None, frame, 0, lineno)
print(type(tb).__name__, tb.tb_next, tb.tb_frame is frame, tb.tb_lasti, tb.tb_lineno, sys.getsizeof(tb), gc.is_tracked(tb))
tb2 = types.TracebackType(tb_next=tb, tb_frame=frame, tb_lasti=2, tb_lineno=99)
print(tb2.tb_next is tb, tb2.tb_lineno, sys.getrefcount(tb))


class Index:
    def __index__(self):
        return 7


print(types.TracebackType(None, frame, Index(), Index()).tb_lasti)
for args, kw in [((None, frame, 1), {}),
                 ((None, frame, 1, 2, 3), {}),
                 ((), {"tb_next": None, "tb_frame": frame, "tb_lasti": 1, "tb_lineno": 2, "x": 1}),
                 ((None, frame, 1), {"tb_frame": frame}),
                 ((None, frame, 1), {"bad": 2}),
                 ((None, frame, "1", 2), {}),
                 ((None, frame, 2 ** 40, 2), {}),
                 ((None, frame, 1.5, 2), {}),
                 ((None, 1, 1, 2), {}),
                 (("no", frame, 1, 2), {})]:
    try:
        types.TracebackType(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    class Sub(types.TracebackType):
        pass
except TypeError as e:
    print(e)

sys.stderr = sys.stdout
e = KeyboardInterrupt()
e.__traceback__ = tb
_testcapi.exception_print(e)  # a traceback made by hand: its line, lasti 0's position
print("--")


def inner():
    raise KeyError("blah")


def outer():
    inner()


try:
    outer()
except KeyError as exc:
    _testcapi.traceback_print(exc.__traceback__, sys.stdout)
    sys.tracebacklimit = 2
    _testcapi.traceback_print(exc.__traceback__, sys.stdout)
    sys.tracebacklimit = 0
    _testcapi.traceback_print(exc.__traceback__, sys.stdout)
    del sys.tracebacklimit
try:
    _testcapi.traceback_print(1, sys.stdout)
except SystemError as e:
    print("SystemError", e)
print("--")


class X(Exception):
    def __str__(self):
        return "I am X"


X.__module__ = 42
_testcapi.exception_print(X())


class BadThing:
    def __repr__(self):
        return "bad repr"


v = ValueError(123)
v.__notes__ = BadThing()
_testcapi.exception_print(v)
print("|")
