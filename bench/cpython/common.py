"""Shared helpers for the CPython side of bench/heap-vs-cpython: best-of-N timing of one step."""
import gc
import json
import sys
import time


def best_of(reps, setup, measured, teardown=lambda state: None):
    """Runs setup() (untimed), measured(state) (timed with perf_counter), teardown(state), reps
    times; returns every rep's seconds (report() prints the best and the median)."""
    times = []
    for _ in range(reps):
        gc.collect()
        state = setup()
        t0 = time.perf_counter()
        measured(state)
        t = time.perf_counter() - t0
        teardown(state)
        times.append(t)
    return times


def report(name, times, **extra):
    """One JSON line per workload, read by bench/heap-vs-cpython: best, median and every rep."""
    s = sorted(times)
    print(json.dumps({"workload": name, "impl": "CPython " + sys.version.split()[0],
                      "best": s[0], "median": s[len(s) // 2], "times": times, **extra}), flush=True)
