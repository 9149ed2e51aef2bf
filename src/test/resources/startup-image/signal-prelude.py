# Before the image: _signal (its handler table, default_int_handler) and _imp.
import _signal, _imp
kept = _signal.getsignal(_signal.SIGINT)
_imp.acquire_lock()
_imp.release_lock()
handlers = {_signal.getsignal, _signal.signal, _imp.lock_held, _imp.is_builtin}
