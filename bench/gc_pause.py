# The pause of one gc.collect() as a program sees it, timed inside the program with
# time.perf_counter() (the same code on python3 and refheap). One mode per process:
#   cycles N  : N two-dict cycles of garbage (2N dicts) built with gc disabled, then ONE collection:
#               the first big collection of a fresh process ("cold")
#   warm N    : the same graph built and collected 3 times first, then timed: the steady state
#   lists N   : N live one-element lists; the first collection over them, then the best of 4 more
#   repeat N R: R rounds of N two-dict cycles, each collected and timed (the JIT's settled code)
# Prints 'timing <mode> <seconds> cpu <thread CPU seconds>' lines (and 'timing lists-best'), and an
# untimed result line.
import gc
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "cycles"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000


def build_cycles(count):
    for i in range(count):
        a = {}
        b = {}
        a['b'] = b
        b['a'] = a


cpu = []
time.thread_time()  # its first call loads what it needs before anything is measured


def timed_collect():
    c0 = time.thread_time()
    t0 = time.perf_counter()
    found = gc.collect()
    t = time.perf_counter() - t0
    cpu.append(time.thread_time() - c0)
    return t, found


gc.collect()
gc.disable()
if mode == "cycles":
    build_cycles(n)
    t, found = timed_collect()
    print('collected', found)
    print(f'timing cycles {t:.6f} cpu {cpu[-1]:.6f}')
elif mode == "warm":
    for k in range(3):
        build_cycles(n)
        gc.collect()
    build_cycles(n)
    t, found = timed_collect()
    print('collected', found)
    print(f'timing warm {t:.6f} cpu {cpu[-1]:.6f}')
elif mode == "lists":
    keep = [[i] for i in range(n)]
    first, found = timed_collect()
    times = []
    for k in range(4):
        t, f = timed_collect()
        found += f
        times.append(t)
    print('live', len(keep), 'collected', found)
    print(f'timing lists {first:.6f} cpu {cpu[0]:.6f}')
    print(f'timing lists-best {min(times):.6f} cpu {min(cpu[1:]):.6f}')
elif mode == "repeat":
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    for k in range(rounds):
        build_cycles(n)
        timed_collect()
    print('timing repeat cpu', ' '.join(f'{c:.4f}' for c in cpu))
else:
    sys.exit(f"unknown mode {mode!r}: cycles, warm, lists or repeat")
gc.enable()
