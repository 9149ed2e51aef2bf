package dev.refheap.gc;

import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.TupleType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

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
 * A program whose newest objects are all lists and tuples gets the graphs of lists, ints and
 * tuples only: the dicts' and sets' compiles took the JIT's threads and the second core from the
 * program's first collection (docs/performance.md, "Session 21: the collection over live lists").
 * It runs at normal priority: a thread the scheduler starves would hold up the program at every
 * JVM safepoint (deoptimization, Java GC), which waits for all threads.
 *
 * A collection of the program's heap stops a warm-up still running (it would only compete for
 * the processor with that collection): the warm-up builds and collects nothing more and gives its
 * heap's memory back at once ({@link Heap#abandon}) instead of freeing what it built object by object.
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
     * optimising compiler. 40,000 pairs in all, not the 120,000 of the first version: the
     * program's first collection of 2,000,000 dicts took the same thread CPU after 20,000, 40,000
     * or 120,000, and the 80,000 more cost the process about 0.5 s of CPU, taken from a second
     * core the JIT needs for the program's own code (docs/performance.md, "Start-up and memory
     * (session 5)"). Sixteen rounds of 2,500 rather than four of 10,000 (the same objects and
     * passes): a stop request is seen between two collections at the latest, and each collection
     * is a quarter of the size, so a program that collects while one runs competes with less.
     */
    static final int ROUNDS = 16, PAIRS = 2_500;
    /**
     * Full collections of a small heap ({@link #SMALL} live lists) after each round. A pass's
     * outer loop (a call per chunk of eight objects) runs once per collection: the rounds'
     * collections alone never made it a compiled method, so the program's first big collection
     * ran it interpreted until on-stack replacement and had C2 compile it meanwhile.
     */
    static final int SMALL = 200, SMALL_COLLECTIONS = 48;

    private static final AtomicBoolean started = new AtomicBoolean();
    private static volatile Thread thread;
    /** Set when the program's own collection starts: the warm-up then ends at its next check. */
    private static volatile boolean stop;

    /**
     * Starts the warm-up thread unless it has started before (or is turned off). With
     * {@code listsOnly} (the program's newest objects are all lists and tuples) it leaves out the
     * dict cycles and the sets and dicts: their compiles would only compete with the program for
     * the JIT and the processor.
     */
    static void startOnce(boolean listsOnly) {
        if (!ENABLED || !started.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> runQuietly(listsOnly), "refheap-gc-warmup");
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

    private static void runQuietly(boolean listsOnly) {
        try {
            run(ROUNDS, PAIRS, () -> stop, listsOnly);
        } catch (Throwable ignored) {
            // only an optimisation: the program never sees it
        }
    }

    /**
     * The warm-up itself, on the calling thread: up to {@code rounds} rounds of the graphs above
     * with {@code pairs} pairs each. {@code stopped} is asked before each collection and every
     * 256 objects built. A warm-up that runs to its end frees everything it built and closes its
     * heap (which checks that nothing is left alive); one that is stopped builds and collects
     * nothing more and gives its heap's memory back without freeing the objects one by one
     * ({@link Heap#abandon}): that would be a collection and a deallocation per object, on the
     * processor the program's own collection needs at that moment.
     *
     * @return the collections run (not counting the one that frees everything at the end)
     */
    static int run(int rounds, int pairs, BooleanSupplier stopped) {
        return run(rounds, pairs, stopped, false);
    }

    /**
     * {@link #run(int, int, BooleanSupplier)}, or with {@code listsOnly} only the graphs of lists,
     * ints and tuples: the live lists (young and full collections) and the lists of garbage.
     */
    static int run(int rounds, int pairs, BooleanSupplier stopped, boolean listsOnly) {
        int collections = 0;
        Heap heap = new Heap();
        try {
            CycleCollector gc = HeapObjectModel.install(heap);
            gc.setEnabled(false);
            gc.markWarmup();
            long k1 = heap.strs.internedOf("a"), k2 = heap.strs.internedOf("b");
            long small = heap.lists.alloc(0);
            for (int i = 0; i < SMALL; i++) {
                long inner = heap.lists.alloc(1);
                ListType.setItemSteal(inner, 0, heap.ints.of(i));
                heap.lists.append(small, inner);
                heap.decref(inner);
            }
            for (int r = 0; r < rounds; r++) {
                // Two-dict cycles of garbage, found by a full collection (update+subtract fused,
                // untrack_dicts, delete_garbage freeing dicts and their keys).
                for (int i = 0; i < (listsOnly ? 0 : pairs); i++) {
                    if ((i & 255) == 0 && stopped.getAsBoolean()) return collections;
                    long a = heap.dicts.create(), b = heap.dicts.create();
                    heap.dicts.setItem(a, k2, b);
                    heap.dicts.setItem(b, k1, a);
                    heap.decref(a);
                    heap.decref(b);
                }
                if (stopped.getAsBoolean()) return collections;
                if (!listsOnly) {
                    gc.collect(CycleCollector.NUM_GENERATIONS - 1);
                    collections++;
                }
                // Live one-element lists and pairs of ints (tuples to untrack), young then full
                // collections over them; then self-referencing lists of garbage.
                long held = heap.lists.alloc(0);
                for (int i = 0; i < pairs; i++) {
                    if ((i & 255) == 0 && stopped.getAsBoolean()) return collections;
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
                for (int i = 0; i < (listsOnly ? 0 : pairs / 16); i++) {
                    if ((i & 255) == 0 && stopped.getAsBoolean()) return collections;
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
                if (stopped.getAsBoolean()) return collections;
                gc.collect(0);
                collections++;
                if (stopped.getAsBoolean()) return collections;
                gc.collect(CycleCollector.NUM_GENERATIONS - 1);
                collections++;
                heap.decref(held);
                for (int i = 0; i < pairs; i++) {
                    if ((i & 255) == 0 && stopped.getAsBoolean()) return collections;
                    long l = heap.lists.alloc(0);
                    heap.lists.append(l, l);
                    heap.decref(l);
                }
                if (stopped.getAsBoolean()) return collections;
                gc.collect(1);
                collections++;
                if (stopped.getAsBoolean()) return collections;
                gc.collect(CycleCollector.NUM_GENERATIONS - 1);
                collections++;
                // Small full collections (not counted): enough calls of the passes' outer loops
                // for the JIT to compile them as methods.
                if (stopped.getAsBoolean()) return collections;
                for (int k = 0; k < SMALL_COLLECTIONS; k++) gc.collect(CycleCollector.NUM_GENERATIONS - 1);
            }
            heap.decref(small);
            heap.decref(k1);
            heap.decref(k2);
            ((HeapObjectModel) gc.model()).dispose();
            gc.collect(CycleCollector.NUM_GENERATIONS - 1);
            heap.close();
            return collections;
        } finally {
            if (!heap.isClosed()) heap.abandon();
        }
    }
}
