#!/usr/bin/env python3
"""Times two whole commands A and B in alternating fresh processes: the A/B figures of
docs/performance.md.

    python3 bench/ab.py -n 8 [--timeout 300] --vs 'COMMAND B' -- COMMAND A ...

Runs one warm-up of each (not counted: it makes caches and images), then N pairs, A then B,
each a fresh process with its output discarded. For each run it takes the wall time, the CPU
time of the process and its children (user + system, from wait4) and the peak RSS (ru_maxrss).
Prints the medians of each side and the median and spread of the pair ratios A/B, so a loaded
machine's drift, which moves both runs of a pair alike, cancels out of the ratio.
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run(cmd, timeout):
    """One fresh process: (wall s, cpu s, peak RSS MiB, exit status)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(cmd, shell=True, stdout=null, stderr=null, stdin=subprocess.DEVNULL)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                pid, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.002)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=5, help="pairs to time (default 5)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds a run may take (default 600)")
    ap.add_argument("--vs", required=True, help="command B, as one shell string")
    ap.add_argument("a", nargs=argparse.REMAINDER, help="-- then command A")
    args = ap.parse_args()
    a = args.a[1:] if args.a[:1] == ["--"] else args.a
    if not a:
        ap.error("command A is missing (after --)")
    cmd_a, cmd_b = shlex.join(a) if len(a) > 1 else a[0], args.vs
    for cmd in (cmd_a, cmd_b):
        if run(cmd, args.timeout)[3] != 0:
            print(f"warning: the warm-up run of {cmd!r} did not exit with status 0", file=sys.stderr)
    rows = {"A": [], "B": []}
    for i in range(args.n):
        for side, cmd in (("A", cmd_a), ("B", cmd_b)):
            rows[side].append(run(cmd, args.timeout))
        (wa, ca, ra, _), (wb, cb, rb, _) = rows["A"][-1], rows["B"][-1]
        print(f"pair {i + 1}: A {ca:.3f} s CPU {wa:.3f} s wall, B {cb:.3f} s CPU {wb:.3f} s wall", file=sys.stderr)
    print(f"A: {cmd_a}\nB: {cmd_b}\n{args.n} alternating pairs, medians")
    for k, name, unit in ((1, "CPU", "s"), (0, "wall", "s"), (2, "peak RSS", "MiB")):
        ma = statistics.median(r[k] for r in rows["A"])
        mb = statistics.median(r[k] for r in rows["B"])
        ratios = [x[k] / y[k] for x, y in zip(rows["A"], rows["B"]) if y[k] > 0]
        spread = f", spread {min(ratios):.2f}-{max(ratios):.2f}" if ratios else ""
        pair = f"pair ratio {statistics.median(ratios):.3f}{spread}" if ratios else "no ratio"
        print(f"{name:9} A {ma:.3f} {unit}  B {mb:.3f} {unit}  {pair}")
    bad = [r[3] for side in rows.values() for r in side if r[3] != 0]
    if bad:
        print(f"warning: {len(bad)} runs exited with a status other than 0: {sorted(set(bad))}", file=sys.stderr)


if __name__ == "__main__":
    main()
