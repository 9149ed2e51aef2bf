#!/usr/bin/env python3
"""CPU time of one run by thread kind:

    python3 bench/thread_cpu.py [--bins SECONDS] COMMAND ARGS...

Runs the command (a launcher too: its child processes are followed), samples
/proc/PID/task/*/stat of every process under it every 5 ms and prints, after the exit, the wall
time, the total CPU and each kind's: C2 (the C2 compiler threads), C1, python (the interpreter's
thread), and the rest. A thread's last 5 ms can be missed; the sum is a little short of the
process's own CPU.

With --bins, also a timeline: each kind's CPU (ms) in every stretch of SECONDS of wall time from
the start, and how many of the machine's CPUs it had, so one sees whether the interpreter's thread
ran alone or shared the cores with the compiler threads (the kernel counts in ticks of 10 ms:
read bins of 0.1 s or more).
"""
import collections
import os
import subprocess
import sys
import time


def children(pid):
    out = [pid]
    try:
        for c in open(f"/proc/{pid}/task/{pid}/children").read().split():
            out += children(int(c))
    except OSError:
        pass
    return out


def main():
    hz = os.sysconf("SC_CLK_TCK")
    args = sys.argv[1:]
    binw = None
    if args[:1] == ["--bins"]:
        binw = float(args[1])
        args = args[2:]
    start = time.time()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    last = {}
    timeline = []  # (wall, {kind: cpu so far}) at each sample
    while p.poll() is None:
        for pid in children(p.pid):
            try:
                tids = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for tid in tids:
                try:
                    s = open(f"/proc/{pid}/task/{tid}/stat").read()
                except OSError:
                    continue
                name = s[s.index("(") + 1:s.rindex(")")]
                f = s[s.rindex(")") + 2:].split()
                last[(pid, tid)] = (name, (int(f[11]) + int(f[12])) / hz)
        if binw:
            timeline.append((time.time() - start, by_kind(last)))
        time.sleep(0.005)
    wall = time.time() - start
    kinds = by_kind(last)
    print(f"wall {wall:.3f} cpu {sum(kinds.values()):.2f} " + " ".join(f"{k} {kinds[k]:.2f}" for k in KINDS))
    if binw:
        print("from s   " + " ".join(f"{k:>7}" for k in KINDS) + "   (ms of CPU in the stretch)")
        prev = collections.Counter()
        b = 1
        for t, k in timeline + [(wall + binw, kinds)]:
            while t >= b * binw or t > wall:
                print(f"{(b - 1) * binw:6.2f}   " + " ".join(f"{1000 * (k[x] - prev[x]):7.0f}" for x in KINDS))
                prev = k
                b += 1
                if t > wall:
                    return


KINDS = ("python", "C2", "C1", "other")


def by_kind(last):
    kinds = collections.Counter()
    for name, cpu in last.values():
        kinds["C2" if name.startswith("C2 Compiler") else "C1" if name.startswith("C1 Compiler")
              else "python" if name == "python" else "other"] += cpu
    return kinds


if __name__ == "__main__":
    main()
