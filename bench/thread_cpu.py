#!/usr/bin/env python3
"""CPU time of one run by thread kind:

    python3 bench/thread_cpu.py COMMAND ARGS...

Runs the command (a launcher too: its child processes are followed), samples
/proc/PID/task/*/stat of every process under it every 5 ms and prints, after the exit, the wall
time, the total CPU and each kind's: C2 (the C2 compiler threads), C1, python (the interpreter's
thread), and the rest. A thread's last 5 ms can be missed; the sum is a little short of the
process's own CPU.
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
    start = time.time()
    p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    last = {}
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
        time.sleep(0.005)
    wall = time.time() - start
    kinds = collections.Counter()
    for name, cpu in last.values():
        kinds["C2" if name.startswith("C2 Compiler") else "C1" if name.startswith("C1 Compiler")
              else "python" if name == "python" else "other"] += cpu
    print(f"wall {wall:.3f} cpu {sum(kinds.values()):.2f} " + " ".join(f"{k} {kinds[k]:.2f}" for k in ("python", "C2", "C1", "other")))


if __name__ == "__main__":
    main()
