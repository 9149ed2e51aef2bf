package dev.refheap.gc;

import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.TupleType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the collector's passes compiled by the JIT before a program's first big collection.
 *
 * <p>A JVM runs a method in its bytecode interpreter, then in lightly optimised code, until the
 * method has run often enough for the optimising compiler; native memory accesses are many
 * times slower before that. A program that builds a big graph with automatic collection off
 * (or before its first full collection) would run its first {@code gc.collect()} mostly in
 * those slow tiers: about twice the time of the same collection later in the process. So when
 * the collector sees a big collection coming (the count of GC allocations since the last
 * collection passing {@link #TRIGGER}: automatic collection is off), it starts this, once per
 * process: a daemon thread (on a second core, beside the program) that builds small graphs of
 * the shapes big collections meet (two-dict cycles of garbage, live one-element lists with
 * ints, tuples, sets, list cycles) on a heap of its own and collects them, full and young
 * collections, about 180,000 objects in all, then closes its heap. The passes and the
 * deallocation paths they call are then compiled while the program is still building its graph.
 * It runs at normal priority: a thread the scheduler starves would hold up the program at every
 * JVM safepoint (deoptimization, Java GC), which waits for all threads.
 *
 * A collection of the program's heap stops a warm-up still running (it would only compete).
 *
 * <p>With automatic collection on, the program's own young and full collections exercise the
 * passes while the heap grows, and the warm-up is not needed.
 *
 * <p>It touches nothing of the program's heap (heaps share no mutable state; the unmapper is
 * thread-safe), runs no Python code and cannot fail the program: anything it throws ends it
 * quietly. {@code -Drefheap.gcWarmup=false} turns it off.
 *
 * <p>States: not started → running → done (at most one run per process).
 */
public final class CollectorWarmup {
    private CollectorWarmup() {}

    /** GC allocations without a collection that start the warm-up. */
    public static final long TRIGGER = 100_000;
    static final boolean ENABLED = !"false".equals(System.getProperty("refheap.gcWarmup"));
    /**
     * Rounds, and two-dict cycles (and live lists) per round: enough calls of each pass for the
     * optimising compiler. Four rounds, not the twelve of the first version: the passes are
     * compiled after two to four (the program's first collection of 2,000,000 dicts took the same
     * thread CPU after 2, 4 or 12), and the eight more rounds cost the process about 0.5 s of CPU,
     * taken from a second core the JIT needs for the program's own code (docs/performance.md,
     * "Start-up and memory (session 5)").
     */
    static final int ROUNDS = 4, PAIRS = 10_000;

    private static final AtomicBoolean started = new AtomicBoolean();
    private static volatile Thread thread;
    /** Set when the program's own collection starts: the warm-up then ends at its next check. */
    private static volatile boolean stop;

    /** Starts the warm-up thread unless it has started before (or is turned off). */
    static void startOnce() {
        if (!ENABLED || !started.compareAndSet(false, true)) return;
        Thread t = new Thread(CollectorWarmup::runQuietly, "refheap-gc-warmup");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * The program's collector is about to collect: a running warm-up stops (at its next graph),
     * so it does not compete with the collection for the processor and the JIT.
     */
    static void programCollects() {
        if (thread != null) stop = true;
    }

    /** True once the warm-up was started in this process. */
    public static boolean started() { return started.get(); }

    /** Waits for the warm-up to finish, if it was started (tests). */
    public static void join() throws InterruptedException {
        Thread t = thread;
        if (t != null) t.join();
    }

    private static void runQuietly() {
        try {
            run(ROUNDS, PAIRS, true);
        } catch (Throwable ignored) {
            // only an optimisation: the program never sees it
        }
    }

    /** The warm-up itself, on the calling thread: {@code rounds} rounds of the graphs above with {@code pairs} pairs each; a stoppable one ends early once the program collects. */
    static void run(int rounds, int pairs, boolean stoppable) {
        try (Heap heap = new Heap()) {
            CycleCollector gc = HeapObjectModel.install(heap);
            gc.setEnabled(false);
            gc.markWarmup();
            long k1 = heap.strs.internedOf("a"), k2 = heap.strs.internedOf("b");
            for (int r = 0; r < rounds && !(stoppable && stop); r++) {
                // Two-dict cycles of garbage, found by a full collection (update+subtract fused,
                // untrack_dicts, delete_garbage freeing dicts and their keys).
                for (int i = 0; i < pairs && !(stoppable && stop); i++) {
                    long a = heap.dicts.create(), b = heap.dicts.create();
                    heap.dicts.setItem(a, k2, b);
                    heap.dicts.setItem(b, k1, a);
                    heap.decref(a);
                    heap.decref(b);
                }
                gc.collect(CycleCollector.NUM_GENERATIONS - 1);
                if (stoppable && stop) break;
                // Live one-element lists and pairs of ints (tuples to untrack), young then full
                // collections over them; then self-referencing lists of garbage.
                long held = heap.lists.alloc(0);
                for (int i = 0; i < pairs; i++) {
                    long inner = heap.lists.alloc(1);
                    ListType.setItemSteal(inner, 0, heap.ints.of(i));
                    heap.lists.append(held, inner);
                    heap.decref(inner);
                    if ((i & 7) == 0) {
                        long t = heap.tuples.alloc(2);
                        TupleType.setItemSteal(t, 0, heap.ints.of(i));
                        TupleType.setItemSteal(t, 1, heap.ints.of(i + 1));
                        heap.lists.append(held, t);
                        heap.decref(t);
                    }
                }
                // Objects of other types (sets, through the type's own slots) and dicts of other
                // kinds (int keys, several entries), as a program's heap has between its containers.
                for (int i = 0; i < pairs / 16; i++) {
                    long set = heap.sets.create();
                    long d = heap.dicts.create();
                    for (int k = 0; k < 6; k++) {
                        long key = heap.ints.of(i * 8L + k);
                        heap.sets.add(set, key);
                        heap.dicts.setItem(d, key, set);
                        heap.decref(key);
                    }
                    heap.lists.append(held, set);
                    heap.lists.append(held, d);
                    heap.decref(set);
                    heap.decref(d);
                }
                gc.collect(0);
                gc.collect(CycleCollector.NUM_GENERATIONS - 1);
                heap.decref(held);
                for (int i = 0; i < pairs; i++) {
                    long l = heap.lists.alloc(0);
                    heap.lists.append(l, l);
                    heap.decref(l);
                }
                gc.collect(1);
                gc.collect(CycleCollector.NUM_GENERATIONS - 1);
            }
            heap.decref(k1);
            heap.decref(k2);
            ((HeapObjectModel) gc.model()).dispose();
            gc.collect(CycleCollector.NUM_GENERATIONS - 1);
        }
    }
}
