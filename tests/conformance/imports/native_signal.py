# _signal and signal.py: the constants, the Signals/Handlers enums, getsignal's start-up table,
# the docstrings signal.py copies, default_int_handler, and signal() restoring a handler
import _signal
import signal
import sys

print(signal.SIGINT, repr(signal.SIGINT), signal.Signals(15).name, signal.NSIG, signal.SIG_DFL, signal.SIG_IGN)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGPIPE),
      signal.getsignal(signal.SIGTERM), signal.getsignal(32))
print(signal.signal.__doc__ == _signal.signal.__doc__, _signal.getsignal.__doc__.splitlines()[0])
print(len(signal.valid_signals()), sorted(set(range(1, 65)) - signal.valid_signals()), type(next(iter(signal.valid_signals()))).__name__)
print(sorted(m.name for m in signal.Handlers), [m.name for m in signal.Signals][:5])
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
old = signal.signal(signal.SIGINT, signal.default_int_handler)
print(old is signal.default_int_handler, signal.signal(signal.SIGTERM, signal.SIG_DFL))
for args in ((0, 0), (65, 0), (signal.SIGTERM, "x"), (signal.SIGKILL, 0), ("a", 0)):
    try:
        _signal.signal(*args)
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
try:
    _signal.getsignal(65)
except ValueError as e:
    print("ValueError", e)
print(sys.getrefcount(signal.default_int_handler) > 2, "_signal" in sys.builtin_module_names)
