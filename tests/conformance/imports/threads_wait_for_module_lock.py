# Per-module import locks (importlib._bootstrap's _ModuleLock): four threads importing one module
# whose body is still running wait for it instead of seeing it half initialised; two threads
# importing two modules that import each other do not deadlock (the second is let through with the
# partial module, as CPython's _lock_unlock_module does); _imp's global import lock is re-entrant
# for its owner and waited for by other threads.
import sys, threading, time, _imp
sys.setswitchinterval(1e-6)
res = []
def w():
    from threadimp import slow
    res.append((slow.x, getattr(slow, 'y', 'missing')))
ts = [threading.Thread(target=w) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(res)

out = []
def imp(n):
    m = __import__('threadimp.' + n, fromlist=['x'])
    out.append((n, sorted(k for k in vars(m) if k.endswith('_done'))))
ts = [threading.Thread(target=imp, args=(n,)) for n in ('cyca', 'cycb')]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out))
print(sys.modules['threadimp.cyca'].a_done, sys.modules['threadimp.cycb'].b_done)

ev = []
_imp.acquire_lock(); _imp.acquire_lock()
print(_imp.lock_held())
def other():
    ev.append(('other sees held', _imp.lock_held()))
    _imp.acquire_lock()
    ev.append('other got it')
    _imp.release_lock()
    try:
        _imp.release_lock()
    except RuntimeError as e:
        ev.append(str(e))
t = threading.Thread(target=other); t.start()
time.sleep(0.2)
ev.append('main releases')
_imp.release_lock()
time.sleep(0.1)
ev.append('main released once')
_imp.release_lock()
t.join()
print(ev, _imp.lock_held())
