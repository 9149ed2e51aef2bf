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
"""
import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("workloads", nargs="*", help="workload names (default: every bench/*.py but this one)")
    ap.add_argument("-n", "--runs", type=int, default=3, help="runs per interpreter, best-of (default 3)")
    ap.add_argument("--python", default="python3", help="the CPython to compare with (default python3)")
    ap.add_argument("--refheap", default=str(BENCH.parent / "refheap"),
                    help="the refheap launcher (default ../refheap relative to bench/, the repository's ./refheap)")
    ap.add_argument("--baseline", metavar="LAUNCHER",
                    help="another refheap launcher (an older build) to time interleaved with this one")
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed per run (default 900)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each workload's output")
    args = ap.parse_args()

    names = args.workloads or sorted(p.stem for p in BENCH.glob("*.py") if p.name != Path(__file__).name)
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
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
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
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    print(f"(best of {args.runs} interleaved whole-process runs, wall seconds and CPU seconds; ratios of wall time, "
          f"n/a when the output differed from python3's; baseline = {args.baseline}, refheap = {args.refheap})")


if __name__ == "__main__":
    main()
