# _signal's argument-count errors as CPython 3.11 words them (module-qualified for METH_O and METH_NOARGS functions; default_int_handler checks its two arguments before raising)
import _signal
for f, args in ((_signal.getsignal, ()), (_signal.getsignal, (1, 2)), (_signal.valid_signals, (1,)), (_signal.signal, (2,)),
                (_signal.strsignal, ()), (_signal.alarm, ()), (_signal.pause, (1,)), (_signal.default_int_handler, ())):
    try:
        f(*args)
    except TypeError as e:
        print(f.__name__, e)
for f, args in ((_signal.raise_signal, ()), (_signal.setitimer, (0,)), (_signal.getitimer, ()), (_signal.setitimer, (0, 1, 2, 3))):
    try:
        f(*args)
    except TypeError as e:
        print(f.__name__, e)
try:
    _signal.strsignal(sig=2)
except TypeError as e:
    print(e)
