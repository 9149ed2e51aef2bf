# Inside an except* handler sys.exc_info() is the matched part, and the original group is restored afterwards.
import sys
eg = ExceptionGroup("eg", [ValueError(1), ValueError(2), TypeError(3)])
try:
    try:
        raise eg
    except* ValueError as e:
        print(repr(sys.exc_info()[1]), sys.exc_info()[1] is e, e is eg)
    except* TypeError as e:
        print(repr(sys.exc_info()[1]))
except BaseException as x:
    print("escaped", repr(x))
print(sys.exc_info())
