#!/usr/bin/env python3
"""Time the bench/ workloads as whole processes on python3 and on refheap, and compare outputs.

Each workload runs N times (best of N) as `python3 FILE` and as `REFHEAP run FILE`. The table
shows the best wall-clock seconds of each, the ratio refheap/python3, and whether the outputs
matched (the ratio is shown only when they did). Lines that start with 'timing' carry a workload's own measurements and are left out of
the comparison. refheap is reported as 'n/a' when it cannot run a workload (launcher missing,
non-zero exit or timeout).

    python3 bench/compare.py                     # every workload, best of 3
    python3 bench/compare.py -n 5 churn live_heap
    python3 bench/compare.py --refheap ./refheap --python python3.11
    python3 bench/compare.py --baseline /tmp/old/refheap   # also an older build, runs interleaved

With --baseline, each workload runs python3, the baseline launcher and refheap in turn, N
rounds, so a change in the machine's load hits all three alike; the table then also shows the
baseline's time and ratio, and each one's best CPU time (user + system, all threads).

    python3 bench/compare.py --targets           # every target of issue 11, medians of 5
    python3 bench/compare.py --targets -n 7 --only collect   # or: whole, startup

With --targets it checks the performance targets (issue 11) the way a user measures them: every
figure is a fresh process started through the launcher, python3 and refheap alternating (python3,
refheap, python3, refheap...), N runs each, MEDIANS compared. Collection pauses are timed inside
the program (bench/gc_pause.py: time.perf_counter() around gc.collect(), the same code on both
sides): the first big collection of a process (cold), one after three earlier ones (warm), and
over 1,000,000 live lists (the first, and the best of four more). Whole programs: wall time and
peak RSS of the process (the kernel's ru_maxrss of that child). Start-up: `-c pass`. Each row
prints the ratio next to its target and whether the medians meet it.
"""
import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
# bench/*.py that are tools or take arguments, not whole-program workloads
NOT_WORKLOADS = {"compare", "gc_pause", "gc_scale", "steady_parts"}


def run(cmd, timeout):
    """(seconds, stdout) of one run, or (None, reason) if it failed."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=BENCH.parent)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {timeout}s"
    except OSError as e:
        return None, str(e)
    elapsed = time.perf_counter() - t0
    if p.returncode != 0:
        last = p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return None, f"exit {p.returncode}: {last[0]}"
    return elapsed, p.stdout.decode("utf-8", "replace")


def cpu_run(cmd, timeout):
    """As run(), plus the CPU seconds (user + system) the process used: (seconds, stdout, cpu)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t, text = run(cmd, timeout)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return t, text, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def interleaved(cmds, n, timeout):
    """Runs the commands in turn, n rounds: per command (best seconds, stdout, best cpu) or (None, reason, None)."""
    best = [None] * len(cmds)
    for _ in range(n):
        for i, cmd in enumerate(cmds):
            if best[i] is not None and best[i][0] is None:
                continue
            t, text, cpu = cpu_run(cmd, timeout)
            if t is None:
                best[i] = (None, text, None)
            elif best[i] is None:
                best[i] = (t, text, cpu)
            else:
                best[i] = (min(best[i][0], t), best[i][1], min(best[i][2], cpu))
    return best


def best_of(cmd, n, timeout):
    """(best seconds, stdout of the first run) or (None, reason)."""
    best, out = None, None
    for _ in range(n):
        t, text = run(cmd, timeout)
        if t is None:
            return None, text
        if out is None:
            out = text
        best = t if best is None else min(best, t)
    return best, out


def comparable(text):
    return [line for line in text.splitlines() if not line.startswith("timing")]


def first_difference(expected, actual):
    e, a = comparable(expected), comparable(actual)
    for i in range(max(len(e), len(a))):
        x = e[i] if i < len(e) else "<missing>"
        y = a[i] if i < len(a) else "<missing>"
        if x != y:
            return f"line {i + 1} is {y[:40]!r}"
    return "?"


def print_table(head, rows):
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("workloads", nargs="*", help="workload names (default: every bench/*.py but this one)")
    ap.add_argument("-n", "--runs", type=int, help="runs per interpreter: best of (default 3), or with --targets medians of (default 5)")
    ap.add_argument("--python", default="python3", help="the CPython to compare with (default python3)")
    ap.add_argument("--refheap", default=str(BENCH.parent / "refheap"),
                    help="the refheap launcher (default ../refheap relative to bench/, the repository's ./refheap)")
    ap.add_argument("--baseline", metavar="LAUNCHER",
                    help="another refheap launcher (an older build) to time interleaved with this one")
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed per run (default 900)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each workload's output")
    ap.add_argument("--targets", action="store_true",
                    help="check every target of issue 11 (medians of N alternating fresh processes; N defaults to 5)")
    ap.add_argument("--only", choices=("collect", "whole", "startup"), help="with --targets: one group of targets")
    args = ap.parse_args()

    if args.targets:
        return check_targets(args)
    if args.runs is None:
        args.runs = 3

    names = args.workloads or sorted(p.stem for p in BENCH.glob("*.py") if p.stem not in NOT_WORKLOADS)
    if args.baseline:
        return compare_with_baseline(args, names)
    rows = []
    for name in names:
        path = BENCH / f"{name.removesuffix('.py')}.py"
        if not path.exists():
            sys.exit(f"no workload {path}")
        rel = path.relative_to(BENCH.parent).as_posix()
        py_t, py_out = best_of([args.python, rel], args.runs, args.timeout)
        rh_t, rh_out = best_of([args.refheap, "run", rel], args.runs, args.timeout)
        if py_t is None:
            match = "python3 failed: " + py_out
        elif rh_t is None:
            match = "n/a (" + rh_out + ")"
        else:
            match = "yes" if comparable(py_out) == comparable(rh_out) else "NO: " + first_difference(py_out, rh_out)
        # A ratio is only meaningful when refheap did the same work.
        ratio = f"{rh_t / py_t:.2f}x" if match == "yes" else "n/a"
        rows.append((path.stem, f"{py_t:.3f}" if py_t else "n/a", f"{rh_t:.3f}" if rh_t else "n/a", ratio, match))
        if args.verbose:
            print(f"--- {path.stem} (python3)\n{py_out if py_t else ''}", end="")
            if rh_t:
                print(f"--- {path.stem} (refheap)\n{rh_out}", end="")
        print(f"{path.stem}: done", file=sys.stderr)

    head = ("workload", "python3 s", "refheap s", "ratio", "outputs match")
    print_table(head, rows)
    print(f"(best of {args.runs} whole-process runs; refheap = {args.refheap})")


def compare_with_baseline(args, names):
    def fmt(r):
        return "n/a" if r[0] is None else f"{r[0]:.3f} ({r[2]:.2f})"

    def ratio(r, py, out):
        if r[0] is None or py[0] is None or comparable(r[1]) != comparable(out):
            return "n/a"
        return f"{r[0] / py[0]:.2f}x"

    rows = []
    for name in names:
        path = BENCH / f"{name.removesuffix('.py')}.py"
        if not path.exists():
            sys.exit(f"no workload {path}")
        rel = path.relative_to(BENCH.parent).as_posix()
        py, base, new = interleaved([[args.python, rel], [args.baseline, "run", rel], [args.refheap, "run", rel]],
                                    args.runs, args.timeout)
        rows.append((path.stem, fmt(py), fmt(base), fmt(new), ratio(base, py, py[1]), ratio(new, py, py[1])))
        print(f"{path.stem}: done", file=sys.stderr)
    head = ("workload", "python3 s (cpu)", "baseline s (cpu)", "refheap s (cpu)", "baseline ratio", "ratio")
    print_table(head, rows)
    print(f"(best of {args.runs} interleaved whole-process runs, wall seconds and CPU seconds; ratios of wall time, "
          f"n/a when the output differed from python3's; baseline = {args.baseline}, refheap = {args.refheap})")


# ---- --targets: the targets, medians of alternating fresh processes ----------------------

def measured_run_rss(cmd, timeout):
    """As measured_run, with the peak RSS of exactly this child (os.wait4's rusage, ru_maxrss in KiB on Linux)."""
    t0 = time.perf_counter()
    try:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=BENCH.parent)
    except OSError as e:
        return None, None, str(e)
    chunks = []
    deadline = t0 + timeout
    while True:
        block = p.stdout.read1(65536) if hasattr(p.stdout, "read1") else p.stdout.read(65536)
        if not block:
            break
        chunks.append(block)
        if time.perf_counter() > deadline:
            p.kill()
            break
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if time.perf_counter() > deadline:
        return None, None, f"timeout after {timeout}s"
    if p.returncode != 0:
        return None, None, f"exit {p.returncode}"
    return wall, usage.ru_maxrss / 1024, b"".join(chunks).decode("utf-8", "replace")


def alternate(cmd_py, cmd_rh, n, timeout):
    """python3 and refheap in turn, n rounds: ([(wall, rss, out)] of python3, same of refheap) or raises."""
    runs = ([], [])
    for _ in range(n):
        for side, cmd in enumerate((cmd_py, cmd_rh)):
            wall, rss, out = measured_run_rss(cmd, timeout)
            if wall is None:
                raise RuntimeError(f"{' '.join(cmd)}: {out}")
            runs[side].append((wall, rss, out))
    return runs


def timing(out, name):
    """The seconds of a 'timing NAME S ...' line of bench/gc_pause.py."""
    m = re.search(rf"^timing {re.escape(name)} (\S+)", out, re.M)
    if not m:
        raise RuntimeError(f"no 'timing {name}' line in: {out[:200]!r}")
    return float(m.group(1))


def med(values):
    return statistics.median(values)


def check_targets(args):
    n = args.runs or 5
    rh = [args.refheap]
    py = [args.python]
    rows = []  # (target, python3 median, refheap median, ratio text, goal text, met)

    def row(target, py_v, rh_v, ratio, goal, met, unit="s"):
        fmt = (lambda v: f"{v:.3f} s") if unit == "s" else (lambda v: f"{v:.0f} MiB")
        rows.append((target, fmt(py_v) if py_v is not None else "", fmt(rh_v), ratio, goal, "met" if met else "MISSED"))
        print("  ".join(rows[-1]), file=sys.stderr, flush=True)  # as it comes: the table is printed at the end

    groups = [args.only] if args.only else ["collect", "whole", "startup"]
    if "collect" in groups:
        # Collection pauses, timed inside the program (python3 / refheap = the speed-up).
        for mode, names, goals in (("cycles", ("cycles",), (3.0,)), ("warm", ("warm",), (4.0,)),
                                   ("lists", ("lists", "lists-best"), (3.0, 3.0))):
            p_runs, r_runs = alternate(py + ["bench/gc_pause.py", mode], rh + ["run", "bench/gc_pause.py", mode], n,
                                       args.timeout)
            for name, goal in zip(names, goals):
                pv = med(timing(o, name) for _, _, o in p_runs)
                rv = med(timing(o, name) for _, _, o in r_runs)
                label = {"cycles": "gc.collect() of 2,000,000 cyclic dicts, first in the process (cold)",
                         "warm": "gc.collect() of 2,000,000 cyclic dicts, after 3 earlier ones (warm)",
                         "lists": "gc.collect() over 1,000,000 live lists, the first",
                         "lists-best": "gc.collect() over 1,000,000 live lists, best of the next 4"}[name]
                row(label, pv, rv, f"{pv / rv:.2f}x faster", f">= {goal:.0f}x faster", pv / rv >= goal)
    if "whole" in groups:
        for name, goal in (("dict_cycles", 1.0), ("live_heap", 1.0), ("binary_trees", 1.5), ("instances", 1.5),
                           ("refcount_traffic", 1.5), ("churn", 1.5), ("finalizers", 1.5)):
            rel = f"bench/{name}.py"
            p_runs, r_runs = alternate(py + [rel], rh + ["run", rel], n, args.timeout)
            if comparable(p_runs[0][2]) != comparable(r_runs[0][2]):
                rows.append((f"{name}.py whole process", "", "", "n/a", "", "OUTPUT DIFFERS"))
                continue
            pw, rw = med(w for w, _, _ in p_runs), med(w for w, _, _ in r_runs)
            row(f"{name}.py whole process, wall", pw, rw, f"{rw / pw:.2f}x python3's", f"<= {goal}x", rw / pw <= goal)
            if name == "dict_cycles":
                pr, rr = med(r for _, r, _ in p_runs), med(r for _, r, _ in r_runs)
                row("dict_cycles.py peak RSS", pr, rr, f"+{rr - pr:.0f} MiB", "<= python3's + 50 MiB", rr - pr <= 50,
                    unit="MiB")
    if "startup" in groups:
        p_runs, r_runs = alternate(py + ["-c", "pass"], rh + ["-c", "pass"], max(n, 10), args.timeout)
        pw, rw = med(w for w, _, _ in p_runs), med(w for w, _, _ in r_runs)
        row("-c pass, wall", pw, rw, f"{rw * 1000:.0f} ms", "<= 100 ms", rw <= 0.100)
        pr, rr = med(r for _, r, _ in p_runs), med(r for _, r, _ in r_runs)
        row("-c pass, peak RSS", pr, rr, f"{rr:.0f} MiB", "<= 50 MiB", rr <= 50, unit="MiB")

    head = ("target", "python3", "refheap", "ratio", "goal", "")
    print_table(head, rows)
    print(f"(medians of {n} fresh processes each, python3 and refheap alternating; -c pass: {max(n, 10)}; "
          f"refheap = {args.refheap}, python3 = {args.python}; load average at the end: "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
