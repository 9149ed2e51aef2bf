package dev.refheap.gc;

import static dev.refheap.object.GcHead.*;

import dev.refheap.memory.Native;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * update_refs and subtract_refs of a big collection on two threads: the collecting thread and
 * one helper thread of the process.
 *
 * <h2>Why these two passes</h2>
 * Their result does not depend on the order in which objects are visited: update_refs writes
 * each object's own gc_refs (refcount copy, COLLECTING set), subtract_refs takes one off a
 * referent's gc_refs per reference from young and marks the objects whose traversal reached
 * young (REFERS_YOUNG). Everything after them (move_unreachable's list order, finalizers,
 * weakref callbacks, tp_clear order, frees) stays on the collecting thread, in CPython's order.
 * After either form below the GC heads of young hold exactly what the serial passes leave,
 * but for an owner bit that move_unreachable drops (ParallelRefsTest holds them to the passes'
 * definition on random graphs; CollectorEquivalenceTest runs whole programs with every collection
 * split, against the pass-by-pass reference collector).
 *
 * <h2>The fused form ({@link #fusedUpdateAndSubtract}): a full collection</h2>
 * When young holds every tracked object (a full collection, nothing frozen), the serial
 * collector fuses the two passes into one walk (a referent not reached yet gets its update_refs
 * on the spot). On two threads: the collecting thread walks about 40% of young (by the size
 * estimate; it then does that part itself, so a little less than half) to a split object; the
 * helper does the fused walk from it to the end, the collecting thread up to it. An object's
 * prev word is written only by its owner, the thread its address names (below the split
 * object's address: the collecting thread's; objects are mostly allocated in list order, so a
 * thread's objects are mostly its own); every write to the other's objects goes into a buffer:
 * a decrement, a REFERS_YOUNG mark, or the update_refs of an object of one's own part, each
 * applied after that object's update_refs if it has none yet, so that they commute. Then each
 * thread applies the other's buffer. No thread reads a prev word it does not own.
 *
 * <h2>The two-phase form ({@link #updateAndSubtract}): a younger generation</h2>
 * <ol>
 *   <li>update_refs from both ends: the collecting thread walks young forward (next links), the
 *       helper backward (the prev words still hold links until update_refs overwrites them).
 *       Each stops at the first object it finds with COLLECTING already set, which the other
 *       thread did (outside a collection no object has it). The helper's objects get the
 *       {@link dev.refheap.object.GcHead#PREV_MASK_HELPER} bit: from then on only the thread an
 *       object's bit names writes its prev word. Near the meeting point both threads may write
 *       the same object (each then reads the back link and the flag in one load, so it never
 *       follows an overwritten link); whichever write lands last decides its owner, which the
 *       barrier after the pass publishes. The collecting thread's stop is the split: it did
 *       every object before it, the helper a suffix containing it.</li>
 *   <li>subtract_refs: the collecting thread traverses young's objects before the split, the
 *       helper those from it on. A decrement of a referent the thread owns, or the REFERS_YOUNG
 *       mark of such an object, is a plain write; one of the other thread's objects is put in a
 *       buffer instead (no atomic instructions: each of those stops the processor's overlap of
 *       memory misses). The helper traverses only objects whose traversal is plain memory reads
 *       ({@link ObjectModel#traverseIsThreadSafe}: exact dicts, lists, tuples); any other it
 *       leaves to the collecting thread, which traverses them once the helper is done.</li>
 *   <li>Each thread applies the other's buffer to its own objects.</li>
 * </ol>
 * The owner bit needs no clearing: move_unreachable rewrites every prev word of young without it.
 * A posted part the helper has not started when the collecting thread finishes its own is
 * withdrawn and done by the collecting thread: on a loaded machine a helper that is not
 * scheduled costs a wasted wake-up, not a wait. A part the helper has started is waited for.
 *
 * <h2>The helper thread</h2>
 * One daemon thread per process ("refheap-gc-helper"), started at the first parallel pass and
 * parked between tasks. One collector at a time may use it ({@link #acquire}); another one that
 * finds it busy (the warm-up's collector and the program's) runs the serial passes.
 *
 * <p>States of the helper: idle (parked) → posted → running → done → idle; posted → idle when
 * the collecting thread withdraws the task.
 *
 * <p>Off by default: {@code -Drefheap.gcThreads=2} turns the second thread on (docs/performance.md,
 * "Session 29": under load it lost wall time in the first collection and over live lists); {@code
 * -Drefheap.gcParallelMin=N} sets the size (estimated from the collector's counts) from which a
 * collection uses it; tests add {@code -Drefheap.gcParallelWait=true} with 0 to have every
 * collection split between the threads.
 */
final class ParallelRefs {
    /** 2: big collections use the helper thread; 1 (the default: it did not win through the launcher, docs/performance.md "Session 29"): never. */
    static final int THREADS = Integer.getInteger("refheap.gcThreads", 1) >= 2 ? 2 : 1;
    /** Collections estimated at this many objects or more use the helper. */
    static final long MIN_OBJECTS = Long.getLong("refheap.gcParallelMin", 100_000);

    private static final long REFS_ONE = 1L << PREV_SHIFT;
    /** A chunk method's answer, in the low bit of the address it returns: the walk is over. */
    private static final long STOP = 1;
    /** Objects per chunk-method call, as {@link CycleCollector#CHUNK} (for the same reasons). */
    private static final int CHUNK = CycleCollector.CHUNK;

    private static final int TASK_UPDATE_BACKWARD = 1, TASK_SUBTRACT = 2, TASK_APPLY = 3, TASK_FUSED = 4;
    /**
     * A buffered write: the object's address with its low bits telling what to do, each after
     * the object's update_refs if it has none yet (the fused form): 0 take one off gc_refs,
     * {@link #MARK} set REFERS_YOUNG, {@link #INIT} nothing more. These commute, so the owner
     * may apply them in any order, before or after its own.
     */
    private static final long MARK = 1, INIT = 2, OPS = 3;
    /** Buffers longer than this are dropped after a collection (a big one's would stay allocated). */
    private static final int KEEP_BUFFER = 1 << 16;

    private final ObjectModel model;
    /** Whether this collector's big collections use the helper: {@link #THREADS}, or a test's choice. */
    boolean enabled = THREADS >= 2;
    private final Worker main = new Worker(0);
    private final Worker helperWorker = new Worker(PREV_MASK_HELPER);

    // the posted task (written before the post's volatile store, read by the helper after its CAS)
    private int task;
    private long young, split;
    /** Objects the helper left to the collecting thread (traversal not thread-safe). */
    private long[] deferred = new long[64];
    private int deferredCount;
    /** What the last parallel pass did, for the pass-time report: objects each thread updated, subtracted (about). */
    long mainUpdated, helperUpdated, mainSubtracted, helperSubtracted;

    ParallelRefs(ObjectModel model) {
        this.model = model;
    }

    /**
     * One thread's side of subtract_refs: the visitor (with its scratch flag) and the buffer of
     * writes to the other thread's objects.
     */
    private final class Worker implements LongConsumer {
        /** The owner bit of this thread's objects. */
        final long mine;
        boolean sawYoung;
        long[] remote = new long[64];
        int remoteCount;

        Worker(long mine) {
            this.mine = mine;
        }

        @Override
        public void accept(long op) {
            if (model.isGc(op)) {
                long w = prevWord(op);
                if ((w & PREV_MASK_COLLECTING) != 0) {
                    sawYoung = true;
                    if ((w & PREV_MASK_HELPER) == mine) setPrevWord(op, w - REFS_ONE);
                    else push(op);
                }
            }
        }

        void push(long entry) {
            if (remoteCount == remote.length) remote = java.util.Arrays.copyOf(remote, remoteCount * 2);
            remote[remoteCount++] = entry;
        }

    }

    /** Applies {@code from}'s buffer to the calling thread's objects, then empties it. */
    private void apply(Worker from) {
        long[] r = from.remote;
        for (int i = 0, n = from.remoteCount; i < n; i++) {
            long e = r[i];
            long o = e & ~OPS;
            long w = initialised(o, prevWord(o));
            long op = e & OPS;
            setPrevWord(o, op == 0 ? w - REFS_ONE : op == MARK ? w | PREV_MASK_REFERS_YOUNG : w);
        }
        from.remoteCount = 0;
        if (r.length > KEEP_BUFFER) from.remote = new long[64];
    }

    /** {@code o}'s prev word {@code w} after its update_refs: as it is if it has had it (COLLECTING set). */
    private long initialised(long o, long w) {
        return (w & PREV_MASK_COLLECTING) != 0 ? w : (w & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING | (model.refcount(o) << PREV_SHIFT);
    }

    /**
     * One thread's side of the fused form: a young object {@code r} (tracked: young holds every
     * tracked object) belongs to the collecting thread if its address is below {@link #pivot},
     * else to the helper; the referents' update_refs happen on the spot, by their owner.
     */
    private final class FusedWorker implements LongConsumer {
        final boolean helper;
        final Worker buffer;
        boolean sawYoung;

        FusedWorker(boolean helper, Worker buffer) {
            this.helper = helper;
            this.buffer = buffer;
        }

        boolean owns(long o) { return (o >= pivot) == helper; }

        @Override
        public void accept(long op) {
            if (model.isGc(op) && next(op) != 0) {
                sawYoung = true;
                if (owns(op)) setPrevWord(op, initialised(op, prevWord(op)) - REFS_ONE);
                else buffer.push(op);
            }
        }
    }

    private final FusedWorker fusedMain = new FusedWorker(false, main);
    private final FusedWorker fusedHelper = new FusedWorker(true, helperWorker);
    /** The fused form's address split between the two threads' objects. */
    private long pivot;
    /** Writes the last parallel pass buffered for the other thread (the pass-time report). */
    long buffered;

    /**
     * update_refs and subtract_refs over {@code young}, none of whose objects has COLLECTING set,
     * on two threads when the helper is free.
     *
     * @return false if the helper was busy or off and nothing was done (the caller runs the
     *         serial passes); true when young's GC heads hold what the two passes leave (and the
     *         owner bits)
     */
    boolean updateAndSubtract(long young) {
        if (!enabled) return false;
        Helper h = acquire();
        if (h == null) return false;
        try {
            this.young = young;
            mainUpdated = helperUpdated = mainSubtracted = helperSubtracted = 0;
            post(h, TASK_UPDATE_BACKWARD);
            long o = next(young);
            long n = 0;
            while ((o & STOP) == 0) {
                o = updateForwardChunk(o, young);
                n += CHUNK;
            }
            long splitAt = o & ~STOP;
            join(h);  // withdrawn or done: either way no one writes young's heads any more
            mainUpdated = n;
            if (splitAt == young) {
                // The collecting thread did every object: the helper was withdrawn, found the tail
                // done already, or did a few at the tail that the collecting thread did too (some
                // may carry its bit: their writes are buffered, and applied here, the helper idle).
                mainSubtracted = subtractRange(next(young), young, main, false);
                buffered = main.remoteCount;
                apply(main);
                return true;
            }
            split = splitAt;
            deferredCount = 0;
            post(h, TASK_SUBTRACT);
            mainSubtracted = subtractRange(next(young), splitAt, main, false);
            if (!join(h)) {
                mainSubtracted += subtractRange(splitAt, young, main, false);
            } else {
                for (int i = 0; i < deferredCount; i++) subtractOne(deferred[i], main);
                mainSubtracted += deferredCount;
                deferredCount = 0;
            }
            // each thread's writes to the other's objects
            boolean posted = main.remoteCount > 0;
            if (posted) post(h, TASK_APPLY);
            buffered = main.remoteCount + helperWorker.remoteCount;
            apply(helperWorker);
            if (posted && !join(h)) apply(main);  // withdrawn: the helper is idle, its objects are safe to write
            return true;
        } finally {
            if (h.state.get() != Helper.IDLE) join(h);  // only when this thread failed: no task outlives the pass
            main.sawYoung = false;
            helperWorker.sawYoung = false;
            main.remoteCount = helperWorker.remoteCount = 0;
            release();
        }
    }

    /** The helper's side of the posted task. */
    private void helperPart() {
        if (task == TASK_UPDATE_BACKWARD) {
            long o = prev(young);
            long n = 0;
            while ((o & STOP) == 0) {
                o = updateBackwardChunk(o, young);
                n += CHUNK;
            }
            helperUpdated = n;
        } else if (task == TASK_SUBTRACT) {
            helperSubtracted = subtractRange(split, young, helperWorker, true);
        } else if (task == TASK_FUSED) {
            helperSubtracted = fusedRange(split, young, fusedHelper, true);
            helperPartDone = true;
            LockSupport.unpark(helperWaiter);
            awaitMainPart();
            apply(main);
        } else {
            apply(main);
        }
    }

    /**
     * update_refs forward for at most {@link #CHUNK} objects from {@code o}; returns the next
     * one, or with {@link #STOP} the object the walk stopped at (young's end, or one the other
     * thread did).
     */
    private long updateForwardChunk(long o, long young) {
        for (int i = 0; i < CHUNK; i++) {
            if (o == young) return o | STOP;
            long w = prevWord(o);
            if ((w & PREV_MASK_COLLECTING) != 0) return o | STOP;
            setPrevWord(o, (w & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING | (model.refcount(o) << PREV_SHIFT));
            o = next(o);
        }
        return o;
    }

    /** update_refs backward (the helper's): as {@link #updateForwardChunk}, following the prev links, marking the objects the helper's. */
    private long updateBackwardChunk(long o, long young) {
        for (int i = 0; i < CHUNK; i++) {
            if (o == young) return o | STOP;
            long w = prevWord(o);  // the back link and the flag in one load
            if ((w & PREV_MASK_COLLECTING) != 0) return o | STOP;
            setPrevWord(o, (w & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING | PREV_MASK_HELPER | (model.refcount(o) << PREV_SHIFT));
            o = w & PREV_MASK;
        }
        return o;
    }

    /** subtract_refs over the objects from {@code from} up to {@code end} (exclusive); returns their number (about). */
    private long subtractRange(long from, long end, Worker v, boolean helper) {
        long n = 0;
        long o = from;
        while (o != end) {
            o = helper ? subtractHelperChunk(o, end, v) : subtractChunk(o, end, v);
            n += CHUNK;
        }
        return n;
    }

    private long subtractChunk(long o, long end, Worker v) {
        for (int i = 0; i < CHUNK && o != end; i++) {
            subtractOne(o, v);
            o = next(o);
        }
        return o;
    }

    private long subtractHelperChunk(long o, long end, Worker v) {
        for (int i = 0; i < CHUNK && o != end; i++) {
            if (model.traverseIsThreadSafe(o)) {
                subtractOne(o, v);
            } else {
                if (deferredCount == deferred.length) deferred = java.util.Arrays.copyOf(deferred, deferredCount * 2);
                deferred[deferredCount++] = o;
            }
            o = next(o);
        }
        return o;
    }

    private void subtractOne(long o, Worker v) {
        v.sawYoung = false;
        model.traverse(o, v);
        if (v.sawYoung) {
            long w = prevWord(o);
            if ((w & PREV_MASK_HELPER) == v.mine) setPrevWord(o, w | PREV_MASK_REFERS_YOUNG);
            else v.push(o | MARK);
        }
    }

    /**
     * The fused form, for a collection whose young list holds every tracked object (a full
     * collection with nothing frozen): the collecting thread walks about half of young (by the
     * size {@code estimate}) to find a split object, the helper then does update_refs and
     * subtract_refs in one walk from it to the end while the collecting thread does the same up to
     * it, each referent's update_refs happening on the spot (by its owner, the thread its address
     * names: objects below the split object's address are the collecting thread's), each write to
     * the other thread's objects buffered.
     *
     * @return false if the helper was busy or off and nothing was done
     */
    boolean fusedUpdateAndSubtract(long young, long estimate) {
        if (!enabled) return false;
        Helper h = acquire();
        if (h == null) return false;
        try {
            this.young = young;
            mainUpdated = helperUpdated = mainSubtracted = helperSubtracted = buffered = 0;
            // the collecting thread walks to the split before its part: it takes a little less than half
            long half = Math.max(estimate * 2 / 5, 1);
            long m = skip(young, half);
            if (m == young) m = skip(young, skipped / 2);  // the estimate was high: half of what there is
            pivot = m == young ? Long.MAX_VALUE : m;  // nothing to split: every object is the collecting thread's
            split = m;
            deferredCount = 0;
            boolean posted = m != young;
            helperPartDone = mainPartDone = false;
            if (posted) post(h, TASK_FUSED);
            mainSubtracted = fusedRange(next(young), m, fusedMain, false);
            buffered = 0;
            if (posted && withdraw(h)) {
                // the helper never started: its part, and every buffered write, are this thread's
                mainSubtracted += fusedRange(m, young, fusedMain, false);
                buffered = main.remoteCount;
                apply(main);
            } else if (posted) {
                // The helper applies this thread's buffer as soon as this thread is done writing
                // to it (its own part, then the objects the helper left): no second wake-up.
                awaitHelperPart(h);
                if (!helperPartDone) join(h);  // the helper ended without its part: join throws its failure
                for (int i = 0; i < deferredCount; i++) fusedOne(deferred[i], fusedMain);
                mainSubtracted += deferredCount;
                deferredCount = 0;
                buffered = main.remoteCount + helperWorker.remoteCount;
                mainPartDone = true;
                LockSupport.unpark(h);
                apply(helperWorker);
                join(h);
            }
            return true;
        } finally {
            if (h.state.get() != Helper.IDLE) {
                // only when this thread failed: the helper must not wait for it, nor run on
                mainPartDone = true;
                LockSupport.unpark(h);
                join(h);
            }
            fusedMain.sawYoung = false;
            fusedHelper.sawYoung = false;
            main.remoteCount = helperWorker.remoteCount = 0;
            release();
        }
    }

    /** The fused form's hand-over: each thread's part (and buffer) is complete. */
    private volatile boolean helperPartDone, mainPartDone;
    /** The collecting thread, for the helper's wake-up when its part is done. */
    private volatile Thread helperWaiter;

    /** The collecting thread waits for the helper's part (or its end, if it failed). */
    private void awaitHelperPart(Helper h) {
        int spins = 0;
        while (!helperPartDone && h.state.get() != Helper.DONE) {
            if (spins++ < 2_000) Thread.onSpinWait();
            else LockSupport.park(this);  // the other thread unparks this one when it sets what is awaited
        }
    }

    /** The helper waits for the collecting thread's part (set also when the collecting thread fails). */
    private void awaitMainPart() {
        int spins = 0;
        while (!mainPartDone) {
            if (spins++ < 2_000) Thread.onSpinWait();
            else LockSupport.park(this);  // the other thread unparks this one when it sets what is awaited
        }
    }

    /** Withdraws the posted task if the helper has not started it: true if it was withdrawn. */
    private static boolean withdraw(Helper h) {
        return h.state.compareAndSet(Helper.POSTED, Helper.IDLE);
    }

    /** Objects the last {@link #skip} passed. */
    private long skipped;

    /** The object {@code n} objects after young's first (young if the list is shorter; {@link #skipped} counts them). */
    private long skip(long young, long n) {
        long o = next(young);
        long k = 0;
        while (k < n && o != young) {
            o = skipChunk(o, young);
            k += CHUNK;
        }
        skipped = k;
        return o;
    }

    private static long skipChunk(long o, long young) {
        for (int i = 0; i < CHUNK && o != young; i++) o = next(o);
        return o;
    }

    /** The fused pass over the objects from {@code from} up to {@code end} (exclusive); returns their number (about). */
    private long fusedRange(long from, long end, FusedWorker v, boolean helper) {
        long n = 0;
        long o = from;
        while (o != end) {
            o = helper ? fusedHelperChunk(o, end, v) : fusedChunk(o, end, v);
            n += CHUNK;
        }
        return n;
    }

    private long fusedChunk(long o, long end, FusedWorker v) {
        for (int i = 0; i < CHUNK && o != end; i++) {
            fusedOne(o, v);
            o = next(o);
        }
        return o;
    }

    private long fusedHelperChunk(long o, long end, FusedWorker v) {
        for (int i = 0; i < CHUNK && o != end; i++) {
            if (model.traverseIsThreadSafe(o)) {
                fusedOne(o, v);
            } else {
                if (deferredCount == deferred.length) deferred = java.util.Arrays.copyOf(deferred, deferredCount * 2);
                deferred[deferredCount++] = o;
            }
            o = next(o);
        }
        return o;
    }

    /** One object of the fused walk: its update_refs (by its owner), its traversal, its REFERS_YOUNG mark. */
    private void fusedOne(long o, FusedWorker v) {
        boolean own = v.owns(o);
        if (own) setPrevWord(o, initialised(o, prevWord(o)));
        v.sawYoung = false;
        model.traverse(o, v);
        if (own) {
            if (v.sawYoung) setPrevWord(o, prevWord(o) | PREV_MASK_REFERS_YOUNG);
        } else {
            v.buffer.push(o | (v.sawYoung ? MARK : INIT));
        }
    }

    // ---- the helper thread -------------------------------------------------------------------

    private static final AtomicBoolean busy = new AtomicBoolean();
    private static Helper helper;

    /** The helper, started if it was not yet, if no other collector is using it; else null. */
    private static Helper acquire() {
        if (!busy.compareAndSet(false, true)) return null;
        synchronized (ParallelRefs.class) {
            if (helper == null) {
                Helper h = new Helper();
                h.start();
                helper = h;
            }
            return helper;
        }
    }

    private static void release() {
        busy.set(false);
    }

    private void post(Helper h, int kind) {
        task = kind;
        helperWaiter = Thread.currentThread();
        h.waiter = Thread.currentThread();
        h.task = this;
        h.state.set(Helper.POSTED);
        LockSupport.unpark(h);
        if (waitForHelper) {
            while (h.state.get() == Helper.POSTED) Thread.onSpinWait();
        }
    }

    /**
     * Tests: the collecting thread waits for the helper to take each part before starting its
     * own, so that small graphs are split between the two threads too (otherwise the collecting
     * thread is usually done before the helper wakes, and withdraws its part).
     */
    boolean waitForHelper = WAIT_FOR_HELPER;

    /** {@code -Drefheap.gcParallelWait=true}: {@link #waitForHelper} for every collector (a test setting, with gcParallelMin=0). */
    static final boolean WAIT_FOR_HELPER = Boolean.getBoolean("refheap.gcParallelWait");

    /**
     * Ends the posted task: withdraws it if the helper has not started it (false), else waits
     * for its end (true). A failure of the helper is thrown here.
     */
    private boolean join(Helper h) {
        if (h.state.compareAndSet(Helper.POSTED, Helper.IDLE)) return false;
        int spins = 0;
        while (h.state.get() != Helper.DONE) {
            if (spins++ < 2_000) Thread.onSpinWait();
            else LockSupport.park(this);  // the other thread unparks this one when it sets what is awaited
        }
        h.state.set(Helper.IDLE);
        Throwable f = h.failure;
        if (f != null) {
            h.failure = null;
            throw new IllegalStateException("the collector's helper thread failed", f);
        }
        return true;
    }

    /** True once the process's helper thread exists (tests). */
    static boolean helperStarted() {
        synchronized (ParallelRefs.class) {
            return helper != null;
        }
    }

    private static final class Helper extends Thread {
        static final int IDLE = 0, POSTED = 1, RUNNING = 2, DONE = 3;
        final AtomicInteger state = new AtomicInteger(IDLE);
        volatile ParallelRefs task;
        volatile Thread waiter;
        volatile Throwable failure;

        Helper() {
            super("refheap-gc-helper");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                if (state.get() == POSTED && state.compareAndSet(POSTED, RUNNING)) {
                    try {
                        task.helperPart();
                    } catch (Throwable t) {
                        failure = t;
                    }
                    state.set(DONE);
                    LockSupport.unpark(waiter);
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
