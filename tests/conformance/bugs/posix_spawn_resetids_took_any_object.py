# posix_spawn's resetids and setsid are ints (Argument Clinic's bool(accept={int}): an int or an
# __index__ object, converted before argv and env are looked at); refheap took any object's truth.
import os
class I:
    def __index__(self): return 1
for fn in (os.posix_spawn, os.posix_spawnp):
    for kw in ({'resetids': None}, {'setsid': None}, {'setsid': 'x'}, {'resetids': 1.5}, {'resetids': 2**40},
               {'resetids': None, 'setsid': 1.5}, {'resetids': 2}, {'setsid': I()}, {'resetids': False}):
        try:
            pid = fn('/bin/true' if fn is os.posix_spawn else 'true', ['true'], os.environ, **kw)
            print(fn.__name__, sorted(kw), 'exit', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        except Exception as e:
            print(fn.__name__, sorted(kw), type(e).__name__, e)
    try:
        fn('/bin/true', [], os.environ, resetids=None)
    except Exception as e:
        print(fn.__name__, 'order', type(e).__name__, e)
