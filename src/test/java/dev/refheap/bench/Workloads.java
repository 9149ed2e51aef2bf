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

    /**
     * A plain timing loop: {@code Workloads cycles|lists|churn [n] [reps]}; prints each rep's time
     * of the measured step (the collection for cycles and lists). For profiling, not for numbers.
     */
    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "cycles";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        boolean phases = Boolean.getBoolean("phases");
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
                long t0, t1, result;
                switch (what) {
                    case "cycles" -> {
                        buildDictCycles(py, n);
                        t0 = System.nanoTime();
                        result = py.collect();
                        t1 = System.nanoTime();
                    }
                    case "lists" -> {
                        long held = buildLiveLists(py, n);
                        t0 = System.nanoTime();
                        result = py.collect();
                        t1 = System.nanoTime();
                        py.heap().decref(held);
                    }
                    case "churn" -> {
                        t0 = System.nanoTime();
                        result = churnSingle(py, n);
                        t1 = System.nanoTime();
                    }
                    case "churnbatch" -> {
                        t0 = System.nanoTime();
                        result = churnBatch(py, n, 1000);
                        t1 = System.nanoTime();
                    }
                    default -> throw new IllegalArgumentException("workload: " + what);
                }
                System.out.printf(Locale.ROOT, "%s rep %d: %.4f s (%d)%n", what, r, (t1 - t0) / 1e9, result);
            }
        }
    }
}
