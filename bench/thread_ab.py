#!/usr/bin/env python3
"""The interpreter thread's CPU of a workload, two launchers in alternating fresh processes:

    python3 bench/thread_ab.py -n 6 --vs 'B/refheap' -- A/refheap bench/dict_cycles.py [ARGS]

Each run is `LAUNCHER run` of a wrapper that compiles and executes the workload as __main__ and
prints time.thread_time() around it: the thread that runs Python, without start-up, the JIT's
compiler threads or the collector's warm-up thread (what bench/ab.py's whole-process CPU mixes
in). One warm-up run of each, then N pairs; prints the medians and the median and spread of the
pair ratios A/B. A launcher may be a command with environment settings ('env X=1 ./refheap').
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

WRAPPER = """import sys, time
p = sys.argv[1]
sys.argv = sys.argv[1:]
c0 = time.thread_time()
exec(compile(open(p).read(), p, 'exec'), {'__name__': '__main__', '__file__': p})
print('THREAD-CPU', time.thread_time() - c0)
"""


def one(launcher, wrapper, args):
    out = subprocess.run(f"{launcher} run {wrapper} {' '.join(args)}", shell=True, capture_output=True, text=True).stdout
    lines = [l for l in out.splitlines() if l.startswith('THREAD-CPU')]
    if not lines:
        sys.exit(f"no THREAD-CPU line from: {launcher} run {wrapper} {' '.join(args)}")
    return float(lines[-1].split()[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('-n', type=int, default=6)
    ap.add_argument('--vs', required=True)
    ap.add_argument('rest', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    rest = a.rest[1:] if a.rest and a.rest[0] == '--' else a.rest
    launcher, args = rest[0], rest[1:]
    with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as f:
        f.write(WRAPPER)
    try:
        one(launcher, f.name, args), one(a.vs, f.name, args)
        A, B = [], []
        for i in range(a.n):
            A.append(one(launcher, f.name, args))
            B.append(one(a.vs, f.name, args))
            print(f"pair {i + 1}: A {A[-1] * 1000:.0f} ms, B {B[-1] * 1000:.0f} ms", flush=True)
        r = [x / y for x, y in zip(A, B)]
        print(f"A: {launcher}\nB: {a.vs}\n{a.n} alternating pairs, interpreter thread CPU: A {statistics.median(A) * 1000:.0f} ms"
              f"  B {statistics.median(B) * 1000:.0f} ms  pair ratio {statistics.median(r):.3f}, spread {min(r):.2f}-{max(r):.2f}")
    finally:
        os.unlink(f.name)


main()
