package dev.refheap.gc;

import static dev.refheap.object.GcHead.*;

import dev.refheap.memory.Native;
import dev.refheap.object.GcHooks;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * CPython 3.11's generational cycle collector.
 *
 * <h2>Design abstract</h2>
 * Reference counting frees everything except reference cycles. The collector finds cycles among
 * the <em>tracked</em> containers without knowing the program's roots: for the objects of the
 * generations being collected it computes, from refcounts minus the references among themselves,
 * which objects are referenced from outside; everything not reachable from those is garbage
 * (trial deletion). Three generations plus a permanent one ({@link #freeze}); new objects enter
 * generation 0, survivors move one generation up.
 *
 * <h2>One collection ({@link #collectMain}), in order</h2>
 * <ol>
 *   <li>Counters: count[g+1] += 1, count[0..g] = 0; younger lists are merged into generation g
 *       ("young"); "old" is g+1 (or g itself for g = 2).</li>
 *   <li>{@link #updateRefs}: gc_refs := refcount, COLLECTING set, for every object in young.</li>
 *   <li>{@link #subtractRefs}: each reference from a young object to a young object takes 1 off
 *       the target's gc_refs. After: gc_refs > 0 exactly for objects referenced from outside.</li>
 *   <li>{@link #moveUnreachable}: a scan of young moves objects with gc_refs 0 to "unreachable"
 *       (tentatively), and everything reachable from a gc_refs > 0 object back.</li>
 *   <li>Surviving tuples whose items are all untracked are untracked (every collection); on a
 *       full collection dicts likewise. Survivors move to old.</li>
 *   <li>Legacy finalizers (tp_del) and everything they reach become uncollectable.</li>
 *   <li>{@link #handleWeakrefs}: weakrefs to garbage are cleared; callbacks of live weakrefs run,
 *       all before any finalizer.</li>
 *   <li>{@link #finalizeGarbage}: each tp_finalize (Python {@code __del__}) runs once per lifetime.</li>
 *   <li>{@link #handleResurrected}: steps 2-4 again; objects now referenced from outside were
 *       resurrected, and move to old with everything they reach.</li>
 *   <li>{@link #deleteGarbage}: tp_clear on each remaining object breaks the cycles; refcounting
 *       frees them.</li>
 *   <li>Uncollectable objects go to gc.garbage; a full collection clears the free lists.</li>
 * </ol>
 *
 * <h2>Fewer walks, same result</h2>
 * A collection of a big generation is bound by walking its lists, so the steps above are fused
 * where the result provably cannot differ (CollectorEquivalenceTest holds this class to the
 * pass-by-pass transcription in test scope):
 * <ul>
 *   <li>When young holds every tracked object (a full collection, nothing frozen), update_refs
 *       and subtract_refs are one walk: a referent not reached yet gets its update_refs on the
 *       spot ({@link #updateAndSubtractRefs}).</li>
 *   <li>subtract_refs marks each object whose traversal reached something in young
 *       ({@link dev.refheap.object.GcHead#PREV_MASK_REFERS_YOUNG}); move_unreachable does not
 *       traverse the others (leaves, e.g. a list of ints) again, since every visit would find
 *       nothing to do.</li>
 *   <li>untrack_tuples, and untrack_dicts as far as it can be decided before tuples are done, run
 *       in move_unreachable's scan, which reaches each survivor at its final place; the count of
 *       survivors comes from the scan, not from another walk.</li>
 *   <li>move_legacy_finalizers' walk only runs once a type with tp_del exists; handle_weakrefs'
 *       walk only when some object moved to unreachable is or has a weakref or a finalizer to
 *       run (delete_garbage then clears the UNREACHABLE marks as it goes); finalize_garbage only
 *       when a finalizer is pending; handle_resurrected_objects' second deduction only when a
 *       weakref callback or a finalizer ran (otherwise no reference to the garbage changed).</li>
 *   <li>handle_resurrected_objects has neither of its two extra walks: clearing the COLLECTING
 *       flags before update_refs (which sets them anyway) and clearing the UNREACHABLE marks
 *       after move_unreachable (delete_garbage unmarks each object as it reaches it; the count of
 *       objects still unreachable comes from move_unreachable).</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * Outside a collection every tracked object is on exactly one generation list, with consistent
 * links, gc_refs bits zero and the COLLECTING flag clear. During one, the young list is only
 * singly linked between update_refs and move_unreachable (the prev word holds gc_refs), and the
 * garbage list's next links may carry the UNREACHABLE mark until delete_garbage reaches them.
 *
 * <h2>States</h2>
 * idle ⇄ collecting ({@link #isCollecting}); a collection never nests: an automatic trigger or a
 * {@code gc.collect()} inside a finalizer or callback returns at once.
 */
public final class CycleCollector implements GcHooks {
    public static final int NUM_GENERATIONS = 3;
    public static final int DEBUG_STATS = 1, DEBUG_COLLECTABLE = 2, DEBUG_UNCOLLECTABLE = 4, DEBUG_SAVEALL = 32,
            DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;
    /** Bytes of native memory needed for the list heads ({@link #HEAD_COUNT} heads of 16 bytes). */
    public static final int HEAD_COUNT = 10;
    public static final int HEADS_BYTES = HEAD_COUNT * 16;

    private static final long UNREACHABLE = NEXT_MASK_UNREACHABLE;
    private static final long REFS_ONE = 1L << PREV_SHIFT;
    /**
     * The passes over a generation work in chunks of at most this many objects, each chunk one
     * call of a small method: the JIT then compiles a pass as an ordinary method after a few
     * calls (in the first big collection of a process) and keeps it compiled for the next
     * collections, where one loop over millions of objects would run interpreted until on-stack
     * replacement reached it, in every collection anew (the OSR code is dropped when the loop exits).
     * Eight, not 32: with 32 steps a call, a chunk method's loop counted enough back-branches for
     * an on-stack-replacement compile before its calls reached an ordinary one, so each was
     * compiled twice more (by C1 and C2) for a loop that never runs long; with eight, 11 of those
     * 12 compiles are gone, and the C2 queue the first collection waits on is shorter
     * (docs/performance.md, "Session 14").
     */
    static final int CHUNK = 8;

    /** The flag bits a gc_refs word keeps when its count changes. */
    private static final long REFS_FLAGS = PREV_MASK_FINALIZED | PREV_MASK_COLLECTING | PREV_MASK_REFERS_YOUNG;

    private final ObjectModel model;
    private final long[] generation = new long[NUM_GENERATIONS];
    private final long permanent;
    // working lists (CPython keeps them on the C stack)
    private final long unreachable, finalizers, wrcbToCall, seen, finalUnreachable, resurrectedScratch;

    private final int[] threshold = {700, 10, 10};
    private final long[] count = new long[NUM_GENERATIONS];
    private final long[] statCollections = new long[NUM_GENERATIONS];
    private final long[] statCollected = new long[NUM_GENERATIONS];
    private final long[] statUncollectable = new long[NUM_GENERATIONS];
    private long longLivedTotal, longLivedPending;
    private boolean enabled = true;
    private boolean collecting;
    private int debug;
    private GcCallbacks callbacks = GcCallbacks.NONE;
    private GcObserver observer;
    private Runnable allocationHook;

    // Visitors, allocated once so the passes allocate nothing. Each is a final class and each
    // field has that class as its type, not LongConsumer (and not a lambda, whose class the
    // compiler cannot name): where a pass's traversal is inlined, C2 then knows exactly which
    // visitor the containers' traverse loops call and inlines that one only. With lambdas in
    // LongConsumer fields it went by the loops' shared type profile instead, which the other
    // passes fill: subtract_refs' compiles inlined move_unreachable's visitor (10 KB of bytecode)
    // and update_refs' with a type test for each, and not their own (docs/performance.md,
    // "Session 20: the JIT's load").
    private final DecrefVisitor visitDecref = new DecrefVisitor();
    private final UpdateDecrefVisitor visitUpdateDecref = new UpdateDecrefVisitor();
    private final ReachableVisitor visitReachable = new ReachableVisitor();
    private final MoveToFinalizersVisitor visitMoveToFinalizers = new MoveToFinalizersVisitor();

    private final class DecrefVisitor implements LongConsumer {
        @Override public void accept(long op) { visitDecref(op); }
    }

    private final class UpdateDecrefVisitor implements LongConsumer {
        @Override public void accept(long op) { visitUpdateDecref(op); }
    }

    private final class ReachableVisitor implements LongConsumer {
        @Override public void accept(long op) { visitReachable(op); }
    }

    private final class MoveToFinalizersVisitor implements LongConsumer {
        @Override public void accept(long op) { visitMoveToFinalizers(op); }
    }
    private long reachableList;
    /** Set by the subtract-refs visitors when a traversal reaches an object of young. */
    private boolean sawYoung;
    /** moveUnreachable's extra work in a collection's first deduction. */
    private static final int UNTRACK_TUPLES = 1, UNTRACK_TUPLES_AND_DICTS = 2;
    /** Dicts whose untrack_dicts verdict waits for the end of untrack_tuples (grows, never shrinks). */
    private long[] undecided = new long[64];
    private int undecidedDicts;
    // what handleWeakrefs' walk noted for the steps after it
    private long unreachableCount;
    // what the last move_unreachable noted: objects now in its unreachable list; and (the first
    // one only) whether one of those moved there (a superset of the final ones) is or has a
    // weakref, or has a finalizer to run
    private long movedToUnreachable;
    private boolean unreachableNeedsWork;
    private boolean finalizerPending, weakrefCallbacksRan;

    /**
     * @param model     how to see objects
     * @param headsBase {@link #HEADS_BYTES} bytes of native memory for the list heads, never freed
     *                  while the collector lives
     */
    public CycleCollector(ObjectModel model, long headsBase) {
        this.model = model;
        long[] heads = new long[HEAD_COUNT];
        for (int i = 0; i < HEAD_COUNT; i++) {
            heads[i] = headsBase + 16L * i + 16;
            listInit(heads[i]);
            Native.putLong(heads[i], 0);
        }
        for (int g = 0; g < NUM_GENERATIONS; g++) generation[g] = heads[g];
        permanent = heads[3];
        unreachable = heads[4];
        finalizers = heads[5];
        wrcbToCall = heads[6];
        seen = heads[7];
        finalUnreachable = heads[8];
        resurrectedScratch = heads[9];
    }

    // ---- GcHooks: tracking and the allocation count ----------------------------------------

    @Override
    public void track(long o) {
        if (next(o) != 0) throw new IllegalStateException("object 0x" + Long.toHexString(o) + " already tracked");
        listAppend(o, generation[0]);
    }

    @Override
    public void untrack(long o) {
        listRemove(o);
    }

    @Override
    public void onGcAlloc() {
        count[0]++;
        if (allocationHook != null) {
            if (!model.errorPending()) allocationHook.run();
            return;
        }
        if (count[0] > threshold[0]) {
            if (enabled && threshold[0] != 0 && !collecting && !model.errorPending()) {
                collecting = true;
                try {
                    collectGenerations();
                } finally {
                    collecting = false;
                }
            } else if (count[0] == CollectorWarmup.TRIGGER) {
                CollectorWarmup.startOnce(newestAreListsAndTuples());  // a big collection is coming: get the passes compiled
            }
        }
    }

    /** How many of generation 0's newest objects {@link #newestAreListsAndTuples} looks at. */
    static final int SHAPE_SAMPLE = 64;

    /**
     * True if the newest objects of generation 0 (up to {@link #SHAPE_SAMPLE}, from its tail)
     * are all exact lists and tuples: the shape of the graph a big collection is coming for, which
     * the warm-up then keeps to. Reads only the list links and the objects' types.
     */
    boolean newestAreListsAndTuples() {
        long head = generation[0];
        int n = 0;
        for (long o = prev(head); o != head && n < SHAPE_SAMPLE; o = prev(o), n++) {
            if (!model.isExactListOrTuple(o)) return false;
        }
        return n > 0;
    }

    /** Sets count0 (the runtime's start-up state; a program cannot do this). */
    public void setYoungCount(long c) { count[0] = c; }

    /**
     * The start-up image's part of the collector: its counts, thresholds, statistics and settings
     * (its lists are native, in the image's memory). Not during a collection.
     */
    public void writeImageState(java.io.DataOutputStream out) throws java.io.IOException {
        if (collecting) throw new IllegalStateException("a collection is running");
        for (long[] a : new long[][] {count, statCollections, statCollected, statUncollectable}) {
            for (long v : a) out.writeLong(v);
        }
        for (int t : threshold) out.writeInt(t);
        out.writeLong(longLivedTotal);
        out.writeLong(longLivedPending);
        out.writeBoolean(enabled);
        out.writeInt(debug);
    }

    /** Reads what {@link #writeImageState} wrote into a setter to run once the image's memory is adopted. */
    public Runnable readImageState(java.io.DataInputStream in) throws java.io.IOException {
        long[][] arrays = new long[4][NUM_GENERATIONS];
        for (long[] a : arrays) {
            for (int i = 0; i < a.length; i++) a[i] = in.readLong();
        }
        int[] t = new int[NUM_GENERATIONS];
        for (int i = 0; i < t.length; i++) t[i] = in.readInt();
        long total = in.readLong(), pending = in.readLong();
        boolean on = in.readBoolean();
        int dbg = in.readInt();
        return () -> {
            System.arraycopy(arrays[0], 0, count, 0, NUM_GENERATIONS);
            System.arraycopy(arrays[1], 0, statCollections, 0, NUM_GENERATIONS);
            System.arraycopy(arrays[2], 0, statCollected, 0, NUM_GENERATIONS);
            System.arraycopy(arrays[3], 0, statUncollectable, 0, NUM_GENERATIONS);
            System.arraycopy(t, 0, threshold, 0, NUM_GENERATIONS);
            longLivedTotal = total;
            longLivedPending = pending;
            enabled = on;
            debug = dbg;
        };
    }

    @Override
    public void onGcFree() {
        if (count[0] > 0) count[0]--;
    }

    /** The oldest generation over its threshold, skipping a full collection until 25% of the long-lived objects are new. */
    private void collectGenerations() {
        for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
            if (count[i] > threshold[i]) {
                if (i == NUM_GENERATIONS - 1 && longLivedPending < longLivedTotal / 4) continue;
                collectWithCallback(i);
                break;
            }
        }
    }

    // ---- the gc module's API -----------------------------------------------------------------

    /**
     * gc.collect(generation): runs even when automatic collection is disabled; returns 0 at once if
     * a collection is already running.
     *
     * @return collected + uncollectable
     */
    public long collect(int gen) {
        if (gen < 0 || gen >= NUM_GENERATIONS) throw new IllegalArgumentException("invalid generation");
        if (collecting) return 0;
        collecting = true;
        try {
            return collectWithCallback(gen);
        } finally {
            collecting = false;
        }
    }

    /**
     * _PyGC_CollectNoFail: the interpreter's own collections at exit, which run no gc.callbacks
     * (the callbacks list may already be cleared or be part of the garbage).
     */
    public long collectNoFail(int gen) {
        if (collecting) return 0;
        collecting = true;
        try {
            long[] result = collectMain(gen);
            return result[0] + result[1];
        } finally {
            collecting = false;
        }
    }

    private long collectWithCallback(int gen) {
        if (!callbacks.isEmpty()) callbacks.invoke("start", gen, 0, 0);
        long[] result = collectMain(gen);
        if (!callbacks.isEmpty()) callbacks.invoke("stop", gen, result[0], result[1]);
        return result[0] + result[1];
    }

    /** True for the warm-up's own collector, whose collections must not stop the warm-up. */
    private boolean warmup;

    /**
     * The warm-up's collector: its collections do not stop the warm-up, and its (small) full
     * collections split update_refs and subtract_refs with the helper thread as the program's big
     * ones will, so that those passes are compiled too.
     */
    void markWarmup() {
        warmup = true;
        parallelMin = WARMUP_PARALLEL_MIN;
    }

    /** The warm-up's size from which its collections use the helper thread: its rounds of 2,500 pairs and lists. */
    static final long WARMUP_PARALLEL_MIN = 2_000;

    /** Collections estimated at this many objects or more split two passes with the helper thread ({@link ParallelRefs}). */
    private long parallelMin = ParallelRefs.MIN_OBJECTS;
    private ParallelRefs parallelRefs;
    /** Whether the running collection's update_refs and subtract_refs ran on two threads (the pass-time report). */
    private boolean passesOnTwoThreads;

    private ParallelRefs parallelRefs() {
        if (parallelRefs == null) parallelRefs = new ParallelRefs(model);
        return parallelRefs;
    }

    /**
     * Tests: the helper thread on for this collector, the size from which collections use it (0:
     * every collection), and
     * whether the collecting thread waits for the helper to take its part ({@link ParallelRefs#waitForHelper}).
     */
    void setParallelMin(long n, boolean waitForHelper) {
        parallelMin = n;
        parallelRefs().waitForHelper = waitForHelper;
        parallelRefs().enabled = true;  // whatever -Drefheap.gcThreads says
    }

    /** The two-thread passes of this collector (tests). */
    ParallelRefs parallelRefsForTests() { return parallelRefs(); }

    /** The object model this collector sees the heap through. */
    ObjectModel model() { return model; }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean on) { enabled = on; }
    public boolean isCollecting() { return collecting; }
    public int debug() { return debug; }
    public void setDebug(int flags) { debug = flags; }
    public void setCallbacks(GcCallbacks callbacks) { this.callbacks = callbacks; }
    public void setObserver(GcObserver observer) { this.observer = observer; }

    /**
     * Stress mode: when set, {@code hook} runs after every counted GC allocation (with no error
     * pending; also inside a collection, where it must not start another: see {@link GcStress})
     * instead of the threshold check. {@code null} restores the thresholds.
     */
    public void setAllocationHook(Runnable hook) { allocationHook = hook; }

    public int[] threshold() { return threshold.clone(); }

    public void setThreshold(int gen, int value) { threshold[gen] = value; }

    public long[] count() { return count.clone(); }

    /** Per generation: collections, collected, uncollectable. */
    public long[][] stats() {
        long[][] s = new long[NUM_GENERATIONS][];
        for (int g = 0; g < NUM_GENERATIONS; g++) s[g] = new long[] {statCollections[g], statCollected[g], statUncollectable[g]};
        return s;
    }

    public long longLivedTotal() { return longLivedTotal; }
    public long longLivedPending() { return longLivedPending; }

    /** gc.freeze(): every tracked object moves to the permanent generation; all counts become 0. */
    public void freeze() {
        for (int g = 0; g < NUM_GENERATIONS; g++) {
            listMerge(generation[g], permanent);
            count[g] = 0;
        }
    }

    /** gc.unfreeze(): the permanent generation moves back into the oldest one. */
    public void unfreeze() {
        listMerge(permanent, generation[NUM_GENERATIONS - 1]);
    }

    public long freezeCount() { return listSize(permanent); }

    /** Visits the objects of generation {@code g} (0..2), or of the permanent generation for 3. */
    public void forEachInGeneration(int g, LongConsumer visit) {
        long head = g == NUM_GENERATIONS ? permanent : generation[g];
        for (long o = next(head); o != head; o = next(o)) visit.accept(o);
    }

    public long generationSize(int g) {
        return listSize(g == NUM_GENERATIONS ? permanent : generation[g]);
    }

    /** The list head of generation g (3: permanent), for the verifier. */
    long generationHead(int g) { return g == NUM_GENERATIONS ? permanent : generation[g]; }

    // ---- one collection --------------------------------------------------------------------

    /** gc_collect_main: returns {collected, uncollectable}. */
    private long[] collectMain(int gen) {
        long start = 0;
        if ((debug & DEBUG_STATS) != 0) {
            model.debugPrint("gc: collecting generation " + gen + "...");
            model.debugPrint("gc: objects in each generation: " + listSize(generation[0]) + " "
                    + listSize(generation[1]) + " " + listSize(generation[2]));
            model.debugPrint("gc: objects in permanent generation: " + listSize(permanent));
            start = System.nanoTime();
        }
        phase(gen, "start", 0);
        if (!warmup) CollectorWarmup.programCollects();
        // young's size, estimated from the counts before they are reset: generation 0's count plus,
        // for a full collection, the long-lived objects (what the last full one kept and what
        // has been promoted since)
        long estimate = count[0] + (gen == NUM_GENERATIONS - 1 ? longLivedTotal + longLivedPending : 0);
        if (gen + 1 < NUM_GENERATIONS) count[gen + 1]++;
        for (int i = 0; i <= gen; i++) count[i] = 0;
        for (int i = 0; i < gen; i++) listMerge(generation[i], generation[gen]);
        long young = generation[gen];
        long old = gen < NUM_GENERATIONS - 1 ? generation[gen + 1] : young;

        listInit(unreachable);
        collectingYoung = young;
        passesOnTwoThreads = false;
        passTime(-1);
        boolean everyTracked = young == old && listIsEmpty(permanent);  // young holds every tracked object
        if (observer == null && estimate >= parallelMin
                && (everyTracked ? parallelRefs().fusedUpdateAndSubtract(young, estimate) : parallelRefs().updateAndSubtract(young))) {
            passesOnTwoThreads = true;  // update_refs and subtract_refs done, split with the helper thread
        } else if (young == old && listIsEmpty(permanent) && observer == null) {
            updateAndSubtractRefs(young);
        } else {
            updateRefs(young);
            phase(gen, "update_refs", 0);
            subtractRefs(young);
            phase(gen, "subtract_refs", 0);
        }
        passTime(0);
        long survivors = moveUnreachable(young, unreachable, young == old ? UNTRACK_TUPLES_AND_DICTS : UNTRACK_TUPLES);
        passTime(1);
        if (young != old) {
            if (gen == NUM_GENERATIONS - 2) longLivedPending += survivors;
            listMerge(young, old);
        } else {
            longLivedPending = 0;
            longLivedTotal = survivors - untrackUndecidedDicts();
        }

        listInit(finalizers);
        boolean unmarked = false;
        if (model.mayHaveLegacyFinalizers()) {
            moveLegacyFinalizers(unreachable, finalizers);
            moveLegacyFinalizerReachable(finalizers);
            unmarked = true;
        }
        if (observer != null || (debug & DEBUG_COLLECTABLE) != 0) {
            if (!unmarked) clearUnreachableMarks(unreachable);
            unmarked = true;
        }
        if (observer != null) phase(gen, "unreachable", listSize(unreachable));

        if ((debug & DEBUG_COLLECTABLE) != 0) {
            for (long o = next(unreachable); o != unreachable; o = next(o)) {
                model.debugPrint("gc: collectable " + model.describe(o));
            }
        }

        long m;
        boolean codeRan;
        if (!unmarked && !unreachableNeedsWork) {
            // No unreachable object is or has a weakref, or has a finalizer to run: handle_weakrefs
            // and finalize_garbage would change nothing but the UNREACHABLE marks, which
            // delete_garbage clears as it goes, and no code runs before it.
            m = 0;
            codeRan = false;
            unreachableCount = movedToUnreachable;
            phase(gen, "weakrefs", m);
        } else {
            m = handleWeakrefs(unreachable, old, !unmarked);
            unmarked = true;
            phase(gen, "weakrefs", m);
            // Python code runs from here on only through weakref callbacks and finalizers.
            codeRan = weakrefCallbacksRan;
            if (codeRan || finalizerPending) codeRan |= finalizeGarbage(unreachable);
        }
        phase(gen, "finalize", 0);
        if (codeRan) {
            m += handleResurrected(unreachable, finalUnreachable, old);
        } else {
            // handle_resurrected_objects would find what it started with (no reference to the
            // garbage can have changed), so its second deduction is skipped: the result is identical.
            listInit(finalUnreachable);
            listMerge(unreachable, finalUnreachable);
            m += unreachableCount;
        }
        unreachableView = finalUnreachable;
        phase(gen, "clear", m);
        unreachableView = unreachable;
        passTime(2);
        // still marked UNREACHABLE: after the resurrection check, or when no step before unmarked it
        deleteGarbage(finalUnreachable, old, codeRan || !unmarked);
        passTime(3);

        long n = 0;
        for (long o = next(finalizers); o != finalizers; o = next(o)) {
            n++;
            if ((debug & DEBUG_UNCOLLECTABLE) != 0) model.debugPrint("gc: uncollectable " + model.describe(o));
        }
        if ((debug & DEBUG_STATS) != 0) {
            double secs = (System.nanoTime() - start) / 1e9;
            model.debugPrint(String.format(Locale.ROOT, "gc: done, %d unreachable, %d uncollectable, %.4fs elapsed", n + m, n, secs));
        }
        handleLegacyFinalizers(finalizers, old);
        if (gen == NUM_GENERATIONS - 1) model.clearFreeLists();
        statCollections[gen]++;
        statCollected[gen] += m;
        statUncollectable[gen] += n;
        phase(gen, "stop", m + n);
        return new long[] {m, n};
    }

    /**
     * {@code -Drefheap.gcPassTimes=true}: each collection prints, on stderr, the milliseconds of its
     * passes (update+subtract refs, move_unreachable, the steps up to delete_garbage, delete_garbage),
     * and on Linux what the process's threads did meanwhile ({@link ThreadAccounting}: this
     * thread's run time and run-queue wait, the other threads' run time, e.g. the JIT's compiler
     * threads). A diagnostic for measuring the collector from a whole program; off, it costs nothing.
     */
    private static final boolean PASS_TIMES = Boolean.getBoolean("refheap.gcPassTimes");
    private final long[] passStamps = new long[5], passCpu = new long[5];
    private ThreadAccounting threadAccounting;

    private void passTime(int pass) {
        if (!PASS_TIMES) return;
        if (pass == -1) {
            if (threadAccounting == null) threadAccounting = new ThreadAccounting();
            threadAccounting.start();
        }
        passStamps[pass + 1] = System.nanoTime();
        passCpu[pass + 1] = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        if (pass == 3) {
            String split = "";
            if (passesOnTwoThreads) {
                ParallelRefs p = parallelRefs;
                split = String.format(Locale.ROOT, " (two threads: update %d+%d, subtract %d+%d objects, about; %d writes buffered)",
                        p.mainUpdated, p.helperUpdated, p.mainSubtracted, p.helperSubtracted, p.buffered);
            }
            System.err.printf(Locale.ROOT, "gc pass times ms: refs %.1f%s move_unreachable %.1f middle %.1f delete_garbage %.1f | %s%n",
                    (passStamps[1] - passStamps[0]) / 1e6, split, (passStamps[2] - passStamps[1]) / 1e6,
                    (passStamps[3] - passStamps[2]) / 1e6, (passStamps[4] - passStamps[3]) / 1e6,
                    threadAccounting.report());
            System.err.printf(Locale.ROOT, "gc pass cpu ms (collecting thread): refs %.1f move_unreachable %.1f middle %.1f delete_garbage %.1f%n",
                    (passCpu[1] - passCpu[0]) / 1e6, (passCpu[2] - passCpu[1]) / 1e6,
                    (passCpu[3] - passCpu[2]) / 1e6, (passCpu[4] - passCpu[3]) / 1e6);
        }
    }

    /** The young list of the running collection (for observers), and the unreachable list they see. */
    private long collectingYoung;
    private long unreachableView;

    /**
     * For an observer at phase update_refs or subtract_refs: visits each object of the generation
     * being collected with its gc_refs (refcount copy, then less the references from inside it).
     */
    public void forEachCollecting(GcRefsVisitor v) {
        for (long o = next(collectingYoung); o != collectingYoung; o = next(o)) v.visit(o, prevWord(o) >>> PREV_SHIFT);
    }

    /** For an observer from phase unreachable to clear: visits the objects found unreachable. */
    public void forEachUnreachable(LongConsumer v) {
        long head = unreachableView == 0 ? unreachable : unreachableView;
        for (long o = next(head) & ~15L; o != head; o = next(o) & ~15L) v.accept(o);
    }

    @FunctionalInterface
    public interface GcRefsVisitor { void visit(long o, long gcRefs); }

    private void phase(int gen, String name, long n) {
        if (observer != null) observer.onPhase(gen, name, n);
    }

    /** update_refs, subtract_refs, move_unreachable: splits {@code young} into reachable and unreachable. */
    private void deduceUnreachable(long young, long unreachableList) {
        listInit(unreachableList);
        updateRefs(young);
        subtractRefs(young);
        moveUnreachable(young, unreachableList, 0);
    }

    /**
     * update_refs. After: every object in {@code young} has gc_refs = its refcount and the
     * COLLECTING flag; the prev links are overwritten (the list is singly linked until
     * move_unreachable restores them).
     */
    private void updateRefs(long young) {
        for (long o = next(young); o != young; ) o = updateRefsChunk(o, young);
    }

    /** update_refs for at most {@link #CHUNK} objects from {@code o}; returns the next one (young: done). */
    private long updateRefsChunk(long o, long young) {
        for (int i = 0; i < CHUNK && o != young; i++) {
            long refs = model.refcount(o);
            setPrevWord(o, (prevWord(o) & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING | (refs << PREV_SHIFT));
            o = next(o);
        }
        return o;
    }

    /**
     * subtract_refs. After: gc_refs >= 0 for every object in young, and gc_refs > 0 exactly for
     * objects referenced from outside young (those are directly reachable).
     */
    private void subtractRefs(long young) {
        for (long o = next(young); o != young; ) o = subtractRefsChunk(o, young);
        sawYoung = false;  // scratch of one traversal: none left between collections (an image's state compares it)
    }

    private long subtractRefsChunk(long o, long young) {
        for (int i = 0; i < CHUNK && o != young; i++) {
            sawYoung = false;
            model.traverse(o, visitDecref);
            if (sawYoung) setPrevWord(o, prevWord(o) | PREV_MASK_REFERS_YOUNG);
            o = next(o);
        }
        return o;
    }

    private void visitDecref(long op) {
        if (model.isGc(op)) {
            long w = prevWord(op);
            if ((w & PREV_MASK_COLLECTING) != 0) {
                setPrevWord(op, w - REFS_ONE);
                sawYoung = true;
            }
        }
    }

    /**
     * update_refs and subtract_refs in one walk, for a collection whose young list holds every
     * tracked object (a full collection with nothing frozen): then "in young" is "tracked", so a
     * referent the walk has not reached yet can get its update_refs (gc_refs := refcount) on the
     * spot and its decrement at once. After: exactly the state the two passes leave.
     */
    private void updateAndSubtractRefs(long young) {
        for (long o = next(young); o != young; ) o = updateAndSubtractRefsChunk(o, young);
        sawYoung = false;  // scratch of one traversal: none left between collections (an image's state compares it)
    }

    private long updateAndSubtractRefsChunk(long o, long young) {
        for (int i = 0; i < CHUNK && o != young; i++) {
            long w = prevWord(o);
            if ((w & PREV_MASK_COLLECTING) == 0) {
                setPrevWord(o, (w & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING | (model.refcount(o) << PREV_SHIFT));
            }
            sawYoung = false;
            model.traverse(o, visitUpdateDecref);
            if (sawYoung) setPrevWord(o, prevWord(o) | PREV_MASK_REFERS_YOUNG);
            o = next(o);
        }
        return o;
    }

    private void visitUpdateDecref(long op) {
        if (!model.isGc(op)) return;
        long w = prevWord(op);
        if ((w & PREV_MASK_COLLECTING) != 0) {
            setPrevWord(op, w - REFS_ONE);
            sawYoung = true;
        } else if (next(op) != 0) {
            // Tracked, so in young, and not reached yet: its update_refs, then this reference.
            setPrevWord(op, (w & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING | ((model.refcount(op) - 1) << PREV_SHIFT));
            sawYoung = true;
        }
    }

    /**
     * move_unreachable. Walks young in order; an object with gc_refs > 0 is reachable: it keeps
     * its place, its young referents get gc_refs >= 1 (those already moved to unreachable come
     * back to young's tail) and its COLLECTING flag is cleared. An object with gc_refs 0 moves to
     * {@code unreachableList}, flagged UNREACHABLE in its next word. After: young holds exactly
     * the objects reachable from outside, doubly linked again with their flags clear;
     * unreachableList holds the rest, still COLLECTING and UNREACHABLE.
     *
     * <p>With {@link #UNTRACK_TUPLES} (the first deduction of a collection) it also does
     * untrack_tuples, which CPython runs as a walk of young right after: the scan reaches each
     * reachable object at its final place in young, after everything before it was scanned, so a
     * tuple is examined at the same point of that walk and sees the same items tracked. With
     * {@link #UNTRACK_TUPLES_AND_DICTS} (a full collection) it also does what it can of
     * untrack_dicts, which follows untrack_tuples there: a dict's verdict can only change through
     * a tuple that untrack_tuples has not reached yet, so the scan untracks the dicts whose
     * contents are all untracked already, keeps those holding some other GC object, and leaves
     * the rest ({@link ObjectModel#DICT_UNDECIDED}) for {@link #untrackUndecidedDicts}.
     *
     * @return the number of objects left in young
     */
    private long moveUnreachable(long young, long unreachableList, int untrack) {
        reachableList = young;
        undecidedDicts = 0;
        movedToUnreachable = 0;
        unreachableNeedsWork = false;
        survivorCount = 0;
        long prev = young;
        // Invariant: objects between young and prev have been scanned and are reachable. A run of
        // gc_refs-0 objects and a stretch of reachable ones are handled by two methods, called from
        // here rather than one from the other, so that each is compiled on its own: inlined into
        // one, their memory accesses filled the JIT's inlining budget, and which of them got real
        // calls for its list links instead depended on the profile the process happened to see
        // (the dict-cycle collection ran about 10% slower when the garbage path lost).
        // This loop reads no memory itself: it runs interpreted until the JIT replaces it on the
        // stack, and the scan's own reads are in the compiled chunk methods.
        while (true) {
            long r = moveUnreachableChunk(prev, young, untrack);
            prev = r & ~(SCAN_RUN | SCAN_DONE);
            if ((r & SCAN_DONE) != 0) break;
            if ((r & SCAN_RUN) != 0) moveRunToUnreachable(prev, next(prev), young, unreachableList, untrack);
        }
        setPrev(young, prev);
        setNext(unreachableList, next(unreachableList) & ~UNREACHABLE);
        return survivorCount;
    }

    /** Survivors counted by the running move_unreachable. */
    private long survivorCount;

    /** {@link #moveUnreachableChunk}'s answer, in the low bits of the address it returns: a run of gc_refs-0 objects follows. */
    private static final long SCAN_RUN = 1;
    /** {@link #moveUnreachableChunk}'s answer: the scan reached young's end. */
    private static final long SCAN_DONE = 2;

    /**
     * At most {@link #CHUNK} reachable objects of move_unreachable's scan after {@code prev} (the
     * last object scanned and kept), stopping before an object with gc_refs 0; returns the new
     * last one, with {@link #SCAN_RUN} if a run for {@link #moveRunToUnreachable} follows it or
     * {@link #SCAN_DONE} if nothing does (list heads and objects are 8-byte aligned).
     */
    private long moveUnreachableChunk(long prev, long young, int untrack) {
        for (int i = 0; i < CHUNK; i++) {
            long o = next(prev);
            if (o == young) return prev | SCAN_DONE;
            long w = prevWord(o);
            if ((w >>> PREV_SHIFT) == 0) return prev | SCAN_RUN;
            // A leaf (its subtract-refs traversal reached nothing in young) would visit nothing here.
            if ((w & PREV_MASK_REFERS_YOUNG) != 0) model.traverse(o, visitReachable);
            if (untrack != 0 && untrackedByScan(o, untrack)) {
                // untrack_tuples / untrack_dicts: unlinked (prev's next skips it), untracked, only FINALIZED kept.
                setNext(prev, next(o));
                setNext(o, 0);
                setPrevWord(o, w & PREV_MASK_FINALIZED);
            } else {
                // w's FINALIZED flag is still o's: the traversal's visitor writes only the prev
                // words of objects with gc_refs 0 or marked unreachable, which o is not
                setPrevWord(o, (w & PREV_MASK_FINALIZED) | prev);
                prev = o;
                survivorCount++;
            }
        }
        return prev;
    }

    /**
     * untrack_tuples (and, with {@link #UNTRACK_TUPLES_AND_DICTS}, what can be decided of
     * untrack_dicts) for a reachable object the scan reached: true if it is to be untracked now.
     */
    private boolean untrackedByScan(long o, int untrack) {
        if (model.isUntrackableTuple(o)) return true;
        if (untrack == UNTRACK_TUPLES_AND_DICTS) {
            int verdict = model.dictVerdict(o);
            if (verdict == ObjectModel.DICT_UNTRACK) return true;
            if (verdict == ObjectModel.DICT_UNDECIDED) deferDict(o);
        }
        return false;
    }

    /**
     * A run of at most {@link #CHUNK} objects with gc_refs 0 from {@code o} (prev's next), each
     * appended to unreachable in turn (marked next link, prev word := link with the flags kept).
     * Nothing is traversed within a run, so young's link past it and unreachable's tail are
     * written once per run: the same lists as moving them one by one.
     */
    private void moveRunToUnreachable(long prev, long o, long young, long unreachableList, int untrack) {
        long last = prevWord(unreachableList);  // a list head's prev word holds no flags
        long x = o;
        long w = prevWord(x);  // x's prev word, read once: the loop's test reads the next object's
        int n = 0;
        do {
            movedToUnreachable++;
            if (untrack != 0 && !unreachableNeedsWork && model.hasWeakrefsOrFinalizer(x)) unreachableNeedsWork = true;
            setNext(last, UNREACHABLE | x);
            setPrevWord(x, (w & (PREV_MASK_FINALIZED | PREV_MASK_COLLECTING)) | last);
            last = x;
            x = next(x);
        } while (++n < CHUNK && x != young && ((w = prevWord(x)) >>> PREV_SHIFT) == 0);
        setNext(last, UNREACHABLE | unreachableList);
        setPrevWord(unreachableList, last);  // a list head's prev word holds no flags
        setNext(prev, x);
    }

    private void visitReachable(long op) {
        if (!model.isGc(op)) return;
        long w = prevWord(op);
        if ((w & PREV_MASK_COLLECTING) == 0) return;  // another generation, or already scanned
        long nx = next(op);
        if ((nx & UNREACHABLE) != 0) {
            // It had gc_refs 0 when the scan reached it, but it is reachable after all: unlink it
            // from unreachable (whose prev words are real links) and append it to young's tail.
            long prev = w & PREV_MASK;
            setNext(prev, nx);
            setPrev(nx & ~UNREACHABLE, prev);
            long last = prev(reachableList);
            setNext(last, op);
            setNext(op, reachableList);
            setPrevWord(reachableList, op);  // a list head's prev word holds no flags
            // (Its mark was dropped when it moved: it is traversed when scanned, leaf or not.)
            setPrevWord(op, (w & (PREV_MASK_FINALIZED | PREV_MASK_COLLECTING)) | PREV_MASK_REFERS_YOUNG | REFS_ONE);
            movedToUnreachable--;
        } else if ((w >>> PREV_SHIFT) == 0) {
            // Not yet scanned: tell move_unreachable it is reachable.
            setPrevWord(op, (w & REFS_FLAGS) | REFS_ONE);
        }
    }

    private void deferDict(long o) {
        if (undecidedDicts == undecided.length) undecided = java.util.Arrays.copyOf(undecided, undecided.length * 2);
        undecided[undecidedDicts++] = o;
    }

    /**
     * The rest of untrack_dicts, after untrack_tuples is complete: the dicts the scan could not
     * decide are untracked if their contents are all untracked now. (Untracking a dict never
     * changes another dict's verdict: dicts count as may-be-tracked either way.)
     *
     * @return how many were untracked
     */
    private long untrackUndecidedDicts() {
        long n = 0;
        for (int i = 0; i < undecidedDicts; i++) {
            long o = undecided[i];
            if (model.isUntrackableDict(o)) {
                listRemove(o);
                n++;
            }
        }
        undecidedDicts = 0;
        return n;
    }

    /** Clears the UNREACHABLE marks of the unreachable list: after, it is a normal list. */
    private static void clearUnreachableMarks(long unreachableList) {
        for (long o = next(unreachableList); o != unreachableList; ) {
            long nx = next(o) & ~UNREACHABLE;
            setNext(o, nx);
            o = nx;
        }
    }

    /** Clears the UNREACHABLE marks; moves objects with tp_del to {@code to}. After: unreachable is a normal list. */
    private void moveLegacyFinalizers(long unreachableList, long to) {
        for (long o = next(unreachableList); o != unreachableList; ) {
            long nx = next(o) & ~UNREACHABLE;
            setNext(o, nx);
            if (model.hasLegacyFinalizer(o)) {
                listMove(o, to, PREV_MASK_COLLECTING);
            }
            o = nx;
        }
    }

    private long moveTarget;

    /** Everything reachable from legacy-finalizer objects becomes uncollectable too. */
    private void moveLegacyFinalizerReachable(long list) {
        moveTarget = list;
        for (long o = next(list); o != list; o = next(o)) model.traverse(o, visitMoveToFinalizers);
    }

    private void visitMoveToFinalizers(long op) {
        if (model.isGc(op) && (prevWord(op) & PREV_MASK_COLLECTING) != 0) {
            listMove(op, moveTarget, PREV_MASK_COLLECTING);
        }
    }

    /**
     * handle_weakrefs. Weakrefs that are garbage themselves are cleared and their callbacks never
     * run; every weakref to a garbage object is cleared; live weakrefs with callbacks have them
     * called. A weakref freed by its own callback counts as collected.
     *
     * <p>The same walk notes what the next steps need, so they can skip walks that would change
     * nothing: the number of unreachable objects, whether any has a finalizer not yet run, and
     * (after the callbacks) whether any callback ran. With {@code clearMarks} it also clears the
     * UNREACHABLE marks (move_legacy_finalizers' walk, when no type has a legacy finalizer).
     *
     * @return the number of weakrefs freed by their callbacks
     */
    private long handleWeakrefs(long unreachableList, long old, boolean clearMarks) {
        listInit(wrcbToCall);
        unreachableCount = 0;
        finalizerPending = false;
        for (long o = next(unreachableList); o != unreachableList; o = next(o)) handleWeakrefsOf(o, clearMarks);
        weakrefCallbacksRan = !listIsEmpty(wrcbToCall);
        long freed = 0;
        while (!listIsEmpty(wrcbToCall)) {
            long wr = next(wrcbToCall);
            model.callWeakrefCallback(wr);
            model.decref(wr);
            if (next(wrcbToCall) == wr) {
                listMove(wr, old);
            } else {
                freed++;
            }
        }
        return freed;
    }

    /**
     * handle_weakrefs' step for one object of the walk: its mark cleared (with {@code clearMarks}),
     * counted into {@link #unreachableCount}, a pending finalizer noted in {@link #finalizerPending},
     * then its weakrefs cleared. A method per object, as {@link #finalizeOne} is.
     */
    private void handleWeakrefsOf(long o, boolean clearMarks) {
        if (clearMarks) setNext(o, next(o) & ~UNREACHABLE);
        unreachableCount++;
        if (!finalizerPending && !isFinalized(o) && model.hasFinalizer(o)) finalizerPending = true;
        if (model.isWeakref(o)) model.clearWeakref(o);
        for (long wr = model.firstWeakref(o); wr != 0; wr = model.firstWeakref(o)) {
            model.clearWeakref(wr);
            if (!model.weakrefHasCallback(wr)) continue;
            if ((prevWord(wr) & PREV_MASK_COLLECTING) != 0) continue;  // the weakref is trash too
            model.incref(wr);
            listMove(wr, wrcbToCall);
        }
    }

    /**
     * finalize_garbage: each object's finalizer, if it has one not yet run, is marked and called.
     *
     * @return true if a finalizer was called
     */
    private boolean finalizeGarbage(long collectable) {
        listInit(seen);
        boolean called = finalizeEach(collectable);
        listMerge(seen, collectable);
        return called;
    }

    /**
     * finalize_garbage's walk, the loop alone: the lists' set-up and merge stay in the caller, so
     * that the JIT's compiles of this loop (on-stack replacement and ordinary; with the start-up
     * cache's trained counts it makes both) hold little more than a call of {@link #finalizeOne}.
     */
    private boolean finalizeEach(long collectable) {
        boolean called = false;
        while (!listIsEmpty(collectable)) called |= finalizeOne(collectable);
        return called;
    }

    /**
     * finalize_garbage's step for the first object of {@code collectable}: moved to the seen list,
     * its finalizer called if it has one not yet run. A method of its own, without a loop: it
     * inlines the whole call of a Python {@code __del__} (about 14 kB of bytecode), and a loop
     * around that was compiled by the JIT's optimising compiler twice, for on-stack replacement
     * of the loop and as a method (a chunk of eight objects a call, as the passes have, meets both
     * of its thresholds at the same time). The launcher keeps C2 from inlining it: while it was
     * compiled by C1 only, C2 inlined it into both compiles of the walk's loop (18.5 kB each in
     * finalizers.py; docs/performance.md, "Session 26: finalizers and live lists").
     *
     * @return true if a finalizer was called
     */
    private boolean finalizeOne(long collectable) {
        long o = next(collectable);
        listMove(o, seen);
        long w = prevWord(o);  // read once for the flag's test and its setting
        if ((w & PREV_MASK_FINALIZED) != 0 || !model.hasFinalizer(o)) return false;
        setPrevWord(o, w | PREV_MASK_FINALIZED);
        model.incref(o);
        model.finalize(o);
        model.decref(o);
        return true;
    }

    /**
     * handle_resurrected_objects: the unreachable set is examined again; what finalizers made
     * reachable (and all it reaches) moves to old, the rest goes to {@code stillUnreachable}.
     *
     * @return the number of objects in {@code stillUnreachable}
     */
    private long handleResurrected(long unreachableList, long stillUnreachable, long old) {
        // CPython first clears the COLLECTING flags of the set (gc_list_clear_collecting); that walk
        // is left out: update_refs, next, rewrites each prev word with the flag set and only
        // FINALIZED kept, before anything reads the flag. clear_unreachable_mask's walk after it is
        // left to delete_garbage, which unmarks each object as it reaches it (the list is passed
        // marked), and the count comes from move_unreachable's.
        deduceUnreachable(unreachableList, stillUnreachable);
        long n = movedToUnreachable;
        listMerge(unreachableList, old);
        return n;
    }

    /**
     * delete_garbage: for each object in order, tp_clear under a temporary reference (or, with
     * DEBUG_SAVEALL, append it to gc.garbage instead). An object still alive afterwards moves to old.
     */
    private void deleteGarbage(long collectable, long old, boolean marked) {
        while (!listIsEmpty(collectable)) deleteGarbageChunk(collectable, old, marked);
    }

    /** delete_garbage for at most {@link #CHUNK} objects (the first ones of {@code collectable}). */
    private void deleteGarbageChunk(long collectable, long old, boolean marked) {
        for (int i = 0; i < CHUNK && !listIsEmpty(collectable); i++) {
            long o = next(collectable);
            // A list still marked UNREACHABLE: each object is unmarked before anything can see it
            // (list removals of the ones not reached yet mask the mark, see GcHead.listRemove).
            if (marked) setNext(o, next(o) & ~UNREACHABLE);
            if ((debug & DEBUG_SAVEALL) != 0) {
                model.saveGarbage(o);
            } else if (model.hasClear(o)) {
                model.incref(o);
                model.clear(o);
                model.decref(o);
            }
            if (next(collectable) == o) {
                listMove(o, old, PREV_MASK_COLLECTING);  // its flag cleared as it moves
            }
        }
    }

    /** handle_legacy_finalizers: objects with tp_del (all of them under DEBUG_SAVEALL) go to gc.garbage. */
    private void handleLegacyFinalizers(long list, long old) {
        for (long o = next(list); o != list; o = next(o)) {
            if ((debug & DEBUG_SAVEALL) != 0 || model.hasLegacyFinalizer(o)) model.saveGarbage(o);
        }
        listMerge(list, old);
    }
}
