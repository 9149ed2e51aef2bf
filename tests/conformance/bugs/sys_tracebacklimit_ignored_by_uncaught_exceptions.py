# sys.tracebacklimit limits the traceback PyErr_Display and the unraisable report print (the
# last N entries; none, not even the "Traceback" line, for 0 or less); it was honoured only by
# _testcapi.traceback_print.
import re, subprocess, sys
code = '''if 1:
    import sys
    def f1():
        1 / 0
    def f2():
        f1()
    sys.tracebacklimit = %r
    f2()
'''
for limit in (10, 3, 2, 1, 0, -1, 2**70, -2**70, 'x'):
    p = subprocess.run([sys.executable, '-c', code % (limit,)], capture_output=True)
    print(limit, p.returncode, p.stderr.decode().splitlines())
unr = '''if 1:
    import sys
    class C:
        def __del__(self):
            g()
    def g():
        1 / 0
    sys.tracebacklimit = %r
    c = C(); del c
'''
for limit in (1, 0):
    p = subprocess.run([sys.executable, '-c', unr % (limit,)], capture_output=True)
    print(limit, re.sub(' at 0x[0-9a-f]+', '', p.stderr.decode()).splitlines())
