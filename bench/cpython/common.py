"""Shared helpers for the CPython side of bench/heap-vs-cpython: best-of-N timing of one step."""
import gc
import json
import sys
import time


def best_of(reps, setup, measured, teardown=lambda state: None):
    """Runs setup() (untimed), measured(state) (timed with perf_counter), teardown(state), reps
    times; returns every rep's seconds (report() prints the best and the median). Each rep's
    thread CPU time (time.thread_time) is kept too, in cpu_times."""
    times = []
    del cpu_times[:]
    for _ in range(reps):
        gc.collect()
        state = setup()
        c0 = time.thread_time()
        t0 = time.perf_counter()
        measured(state)
        t = time.perf_counter() - t0
        c = time.thread_time() - c0
        teardown(state)
        times.append(t)
        cpu_times.append(c)
    return times


cpu_times = []


def report(name, times, **extra):
    """One JSON line per workload, read by bench/heap-vs-cpython: best, median and every rep."""
    s = sorted(times)
    c = sorted(cpu_times)
    cpu = {"cpu_best": c[0], "cpu_median": c[len(c) // 2], "cpu_times": list(cpu_times)} if c else {}
    print(json.dumps({"workload": name, "impl": "CPython " + sys.version.split()[0],
                      "best": s[0], "median": s[len(s) // 2], "times": times, **cpu, **extra}), flush=True)
