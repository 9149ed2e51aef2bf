# os.wait3 and os.wait4 raised NotImplementedError: they return a resource.struct_rusage, and refheap
# had no resource module. Now (pid, status, struct_rusage), resource imported as CPython imports it.
import os, sys, subprocess
p = subprocess.Popen(['/bin/sh', '-c', 'exit 3'])
pid, status, ru = os.wait4(p.pid, 0)
print(pid == p.pid, os.waitstatus_to_exitcode(status), type(ru).__name__, len(ru), type(ru.ru_utime))
p.returncode = 3
p2 = subprocess.Popen(['/bin/sh', '-c', 'sleep 0.2'])
print(os.wait3(os.WNOHANG)[:2])
pid, status, ru = os.wait3(0)
print(pid == p2.pid, status, ru.ru_maxrss >= 0)
p2.returncode = 0
import sys; print('resource' in sys.modules)
for f in (lambda: os.wait3(), lambda: os.wait4(1), lambda: os.wait3(0), lambda: os.wait4('x', 0)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
