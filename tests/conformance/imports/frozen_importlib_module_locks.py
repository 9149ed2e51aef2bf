# importlib's module locks as CPython's _frozen_importlib has them: the four classes, _get_module_lock's
# weakly kept re-entrant locks, _ModuleLockManager, _ImportLockContext (the global import lock), the dummy lock
import _frozen_importlib as f, sys, gc, _thread
for n in ['_ModuleLock','_DummyModuleLock','_ModuleLockManager','_ImportLockContext']:
    t=getattr(f,n); print(n, [k for k in t.__dict__ if k != '__doc__'], gc.is_tracked(t), t.__mro__)
l = f._get_module_lock('xyz'); print(repr(l).split(' at')[0], f._get_module_lock('xyz') is l, l.acquire(), l.acquire(), l.count, l.owner == _thread.get_ident())
l.release(); l.release()
try: l.release()
except RuntimeError as e: print(e)
with f._ModuleLockManager('abc'): print('abc' in f._module_locks)
del l; print('xyz' in f._module_locks)
with f._ImportLockContext(): print(__import__('_imp').lock_held())
f._lock_unlock_module('q')
d = f._DummyModuleLock('d'); print(d.acquire(), d.count, repr(d).split(' at')[0]); d.release()
print(f._blocking_on)
