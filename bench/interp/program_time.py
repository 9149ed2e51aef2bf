# Not a workload: times another program from inside the process that runs it.
#
#   ./refheap run bench/interp/program_time.py bench/finalizers.py      (or python3 the same)
#
# Runs PROGRAM (its own argv after it) as __main__ and prints on stderr the time from the process's
# start to this file's first line ("startup": read from /proc/self/stat, Linux only), then the
# program's wall time (time.perf_counter) and the interpreter thread's CPU for it
# (time.thread_time): on refheap the last leaves out start-up and the JIT's compiler threads,
# which a whole process's CPU time (bench/ab.py) includes.
import os
import sys
import time


def since_start():
    fields = open('/proc/self/stat').read().rsplit(')', 1)[1].split()
    start = int(fields[19]) / os.sysconf('SC_CLK_TCK')
    return time.clock_gettime(time.CLOCK_BOOTTIME) - start


startup = since_start()
w0, c0 = time.perf_counter(), time.thread_time()
path = sys.argv[1]
sys.argv = sys.argv[1:]
with open(path) as f:
    code = compile(f.read(), path, 'exec')
exec(code, {'__name__': '__main__', '__file__': path})
w1, c1 = time.perf_counter(), time.thread_time()
print('startup %.3f s, program wall %.3f s, thread cpu %.3f s' % (startup, w1 - w0, c1 - c0), file=sys.stderr)
