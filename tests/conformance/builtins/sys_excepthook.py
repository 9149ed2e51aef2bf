# sys.excepthook (and sys.__excepthook__): prints an exception's traceback to sys.stderr as an
# uncaught one would be; a value that is not an exception is reported there, not raised.
import sys
print(sys.excepthook.__name__, sys.__excepthook__ is sys.excepthook, type(sys.excepthook).__name__)
try:
    sys.excepthook(1)
except TypeError as e:
    print('TypeError:', e)


def fail():
    raise ValueError('inner')


try:
    fail()
except ValueError as e:
    print(sys.excepthook(type(e), e, e.__traceback__))
sys.excepthook(KeyError, KeyError('k'), None)
sys.excepthook(int, 1, None)
try:
    try:
        fail()
    except ValueError as e:
        raise RuntimeError('outer') from e
except RuntimeError as e:
    sys.excepthook(type(e), e, None)
print('done')
