# tracemalloc._get_traces() (what take_snapshot() reads) made its list of traces with tracing on,
# so every snapshot traced its own tuples: some 80 KB for a snapshot of 1,000 traces, which then
# showed in get_traced_memory(), in the peak and in the next snapshot's statistics. CPython 3.11
# fills that list without tracing what it adds: a snapshot adds only its few Python objects.
import gc, tracemalloc, _tracemalloc

gc.disable()
tracemalloc.start()
data = [str(i) * 10 for i in range(1000)]
log = []
before = tracemalloc.get_traced_memory()[0]
traces = _tracemalloc._get_traces()
log.append(("_get_traces", len(traces) >= 1000, tracemalloc.get_traced_memory()[0] - before))
again = _tracemalloc._get_traces()
log.append(("again", len(again) - len(traces), tracemalloc.get_traced_memory()[0] - before))
del traces, again
log.append(("freed", tracemalloc.get_traced_memory()[0] - before))
s1 = tracemalloc.take_snapshot()
s2 = tracemalloc.take_snapshot()
log.append(("snapshots under 2 KB", tracemalloc.get_traced_memory()[0] - before < 2048, len(s2.traces) - len(s1.traces)))
stats = s2.compare_to(s1, "lineno")
log.append(("new lines", [(s.traceback[0].lineno, s.count_diff) for s in stats if s.count_diff]))
del stats, s1, s2, data
current, peak = tracemalloc.get_traced_memory()
log.append(("end", current - before < 0, peak - before < 2000))
tracemalloc.stop()
for entry in log:
    print(*entry)
