# After the image: _signal's state and functions, _imp's functions and the import lock.
import _signal, _imp
print(kept is _signal.default_int_handler, _signal.getsignal(_signal.SIGINT) is kept, _signal.getsignal(_signal.SIGPIPE), _signal.getsignal(32))
print(_signal.signal(_signal.SIGINT, _signal.default_int_handler) is kept, len(_signal.valid_signals()), _signal.NSIG)
for f, args in ((_signal.getsignal, ()), (_signal.getsignal, (0,)), (_signal.signal, (9, 0)),
                (_signal.default_int_handler, (2, None)), (_imp.release_lock, ())):
    try:
        f(*args)
    except BaseException as e:
        print(type(e).__name__, e)
print(_imp.lock_held(), _imp.acquire_lock(), _imp.lock_held(), _imp.release_lock(), _imp.lock_held())
print(_imp.is_builtin('sys'), _imp.is_builtin('os'), _imp.is_frozen('os'), _imp.extension_suffixes(), _imp.check_hash_based_pycs)
print(sorted(f.__name__ for f in handlers), _signal.signal.__doc__.splitlines()[0], _signal.getsignal.__qualname__)
print(_imp.create_builtin(type('spec', (), {'name': 'sys'})).__name__)
# builtins hashed before the image are found by the same hash; one hashed first now gets the next number
print(_signal.signal in handlers, _imp.is_builtin in handlers, _imp.is_frozen in handlers, hash(_signal.signal), hash(_imp.is_frozen), hash(_imp.is_frozen_package))
print(_signal.strsignal(_signal.SIGTERM), _signal.ItimerError.__name__, issubclass(_signal.ItimerError, OSError), _signal.getitimer(_signal.ITIMER_REAL))
