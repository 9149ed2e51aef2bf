package dev.refheap.bench;

import dev.refheap.embed.PyHeap;
import dev.refheap.object.Heap;
import java.util.Locale;

/**
 * The benchmark graphs, built through the heap's Java API exactly as the CPython programs in
 * {@code bench/cpython/} build them, shared by the JMH benchmarks and by {@link #main} (a plain
 * timing loop, handy under a profiler). Automatic collection is disabled while a graph is built,
 * as the CPython programs do with {@code gc.disable()}, so only the explicit collection finds
 * the garbage.
 */
public final class Workloads {
    private Workloads() {}

    /** The heap of one benchmark run, with automatic collection off. */
    public static PyHeap newHeap() {
        PyHeap py = PyHeap.create();
        py.gc().setEnabled(false);
        return py;
    }

    /**
     * (a) {@code d1 = {}; d2 = {}; d1['d2'] = d2; d2['d1'] = d1; del d1, d2}, {@code n} times: 2n
     * dicts of cyclic garbage, each with a one-entry str-keyed table.
     */
    public static void buildDictCycles(PyHeap py, int n) {
        Heap h = py.heap();
        long k1 = h.strs.internedOf("d1"), k2 = h.strs.internedOf("d2");
        for (int i = 0; i < n; i++) {
            long d1 = h.dicts.create();
            long d2 = h.dicts.create();
            h.dicts.setItem(d1, k2, d2);
            h.dicts.setItem(d2, k1, d1);
            h.decref(d1);
            h.decref(d2);
        }
        h.decref(k1);
        h.decref(k2);
    }

    /** (b) {@code held = [[i] for i in range(n)]}: returns {@code held} (a new reference). */
    public static long buildLiveLists(PyHeap py, int n) {
        Heap h = py.heap();
        long held = h.lists.alloc(0);
        for (int i = 0; i < n; i++) {
            long v = h.ints.of(i);
            long inner = h.lists.alloc(1);
            dev.refheap.object.ListType.setItemSteal(inner, 0, v);
            h.lists.append(held, inner);
            h.decref(inner);
        }
        return held;
    }

    /**
     * (c) single: {@code object()} allocated and freed at once, {@code n} times (one block, LIFO).
     * One more {@code object()} stays alive meanwhile, so its pool stays in use, as it does in a
     * CPython process, where other 16-byte blocks live; without it every free would empty the
     * pool and every allocation take it back from the arena.
     */
    public static long churnSingle(PyHeap py, int n) {
        Heap h = py.heap();
        long keep = h.objectType.create();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            long o = h.objectType.create();
            sum += o;
            h.decref(o);
        }
        h.decref(keep);
        return sum;
    }

    /** (c) batch: {@code l = [object() for _ in range(batch)]; del l}, n / batch times. */
    public static long churnBatch(PyHeap py, int n, int batch) {
        Heap h = py.heap();
        long sum = 0;
        for (int r = 0; r < n / batch; r++) {
            long l = h.lists.alloc(0);
            for (int i = 0; i < batch; i++) {
                long o = h.objectType.create();
                h.lists.append(l, o);
                h.decref(o);
            }
            sum += l;
            h.decref(l);
        }
        return sum;
    }

    /** Resident and huge-page memory of this process (to check that arenas get transparent huge pages). */
    private static void printSmaps() {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/smaps_rollup"))) {
                if (l.startsWith("Rss") || l.startsWith("AnonHuge")) System.out.println(l);
            }
        } catch (java.io.IOException e) {
            System.out.println("smaps: " + e);
        }
    }

    /**
     * A plain timing loop: {@code Workloads cycles|lists|churn|churnbatch [n] [reps]}; prints each
     * rep's wall and thread CPU time of the measured step (the collection for cycles and lists),
     * then the minimum and median of the second half of the reps. For profiling and for quick
     * before/after comparisons (alternate the builds); the published figures come from JMH.
     * {@code -Dphases=true} prints the collector's phase times, {@code -Dsmaps=true} the process's
     * resident and huge-page memory once the first graph is built.
     */
    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "cycles";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        boolean phases = Boolean.getBoolean("phases");
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] wall = new double[reps], cpu = new double[reps];
        try (PyHeap py = newHeap()) {
            if (phases) {
                long[] last = {0};
                StringBuilder line = new StringBuilder();
                py.gc().setObserver((gen, phase, count) -> {
                    long now = System.nanoTime();
                    if (!phase.equals("start")) line.append(String.format(Locale.ROOT, " %s %.1fms", phase, (now - last[0]) / 1e6));
                    last[0] = now;
                    if (phase.equals("stop")) {
                        System.out.println("  phases:" + line);
                        line.setLength(0);
                    }
                });
            }
            for (int r = 0; r < reps; r++) {
                long t0, t1, c0, c1, result;
                switch (what) {
                    case "cycles" -> {
                        buildDictCycles(py, n);
                        if (r == 0 && Boolean.getBoolean("smaps")) printSmaps();
                        c0 = threads.getCurrentThreadCpuTime();
                        t0 = System.nanoTime();
                        result = py.collect();
                        t1 = System.nanoTime();
                        c1 = threads.getCurrentThreadCpuTime();
                    }
                    case "lists" -> {
                        long held = buildLiveLists(py, n);
                        if (r == 0 && Boolean.getBoolean("smaps")) printSmaps();
                        c0 = threads.getCurrentThreadCpuTime();
                        t0 = System.nanoTime();
                        result = py.collect();
                        t1 = System.nanoTime();
                        c1 = threads.getCurrentThreadCpuTime();
                        py.heap().decref(held);
                    }
                    case "churn" -> {
                        c0 = threads.getCurrentThreadCpuTime();
                        t0 = System.nanoTime();
                        result = churnSingle(py, n);
                        t1 = System.nanoTime();
                        c1 = threads.getCurrentThreadCpuTime();
                    }
                    case "churnbatch" -> {
                        c0 = threads.getCurrentThreadCpuTime();
                        t0 = System.nanoTime();
                        result = churnBatch(py, n, 1000);
                        t1 = System.nanoTime();
                        c1 = threads.getCurrentThreadCpuTime();
                    }
                    default -> throw new IllegalArgumentException("workload: " + what);
                }
                wall[r] = (t1 - t0) / 1e9;
                cpu[r] = (c1 - c0) / 1e9;
                System.out.printf(Locale.ROOT, "%s rep %d: %.4f s, thread CPU %.4f s (%d)%n", what, r, wall[r], cpu[r], result);
            }
        }
        // the second half of the reps, after warm-up: wall time moves with the machine's load,
        // the thread's CPU time much less (it still includes cache and memory contention)
        int from = reps / 2;
        double[] w = java.util.Arrays.copyOfRange(wall, from, reps), c = java.util.Arrays.copyOfRange(cpu, from, reps);
        java.util.Arrays.sort(w);
        java.util.Arrays.sort(c);
        if (w.length > 0) {
            System.out.printf(Locale.ROOT, "%s last %d reps: wall min %.4f median %.4f; thread CPU min %.4f median %.4f%n",
                    what, w.length, w[0], w[w.length / 2], c[0], c[c.length / 2]);
        }
    }
}
