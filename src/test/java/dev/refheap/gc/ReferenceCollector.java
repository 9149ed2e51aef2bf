package dev.refheap.gc;

import static dev.refheap.object.GcHead.*;

import dev.refheap.memory.Native;
import dev.refheap.object.GcHooks;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The cycle collector as first written, pass by pass as CPython 3.11's gcmodule.c runs them, kept
 * in test scope as the reference that {@link CollectorEquivalenceTest} holds {@link CycleCollector}
 * (which fuses and skips passes where the result provably does not change) to: same frees in the
 * same order, same lists, same counts. Not to be optimised.
 */
final class ReferenceCollector implements GcHooks {
    public static final int NUM_GENERATIONS = 3;
    public static final int DEBUG_STATS = 1, DEBUG_COLLECTABLE = 2, DEBUG_UNCOLLECTABLE = 4, DEBUG_SAVEALL = 32,
            DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;
    /** Bytes of native memory needed for the list heads ({@link #HEAD_COUNT} heads of 16 bytes). */
    public static final int HEAD_COUNT = 10;
    public static final int HEADS_BYTES = HEAD_COUNT * 16;

    private static final long UNREACHABLE = NEXT_MASK_UNREACHABLE;
    private static final long REFS_ONE = 1L << PREV_SHIFT;

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

    // visitors, allocated once so the passes allocate nothing
    private final LongConsumer visitDecref = this::visitDecref;
    private final LongConsumer visitReachable = this::visitReachable;
    private final LongConsumer visitMoveToFinalizers = this::visitMoveToFinalizers;
    private long reachableList;

    /**
     * @param model     how to see objects
     * @param headsBase {@link #HEADS_BYTES} bytes of native memory for the list heads, never freed
     *                  while the collector lives
     */
    ReferenceCollector(ObjectModel model, long headsBase) {
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
        if (count[0] > threshold[0] && enabled && threshold[0] != 0 && !collecting && !model.errorPending()) {
            collecting = true;
            try {
                collectGenerations();
            } finally {
                collecting = false;
            }
        }
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

    private long collectWithCallback(int gen) {
        if (!callbacks.isEmpty()) callbacks.invoke("start", gen, 0, 0);
        long[] result = collectMain(gen);
        if (!callbacks.isEmpty()) callbacks.invoke("stop", gen, result[0], result[1]);
        return result[0] + result[1];
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean on) { enabled = on; }
    public boolean isCollecting() { return collecting; }
    public int debug() { return debug; }
    public void setDebug(int flags) { debug = flags; }
    public void setCallbacks(GcCallbacks callbacks) { this.callbacks = callbacks; }
    public void setObserver(GcObserver observer) { this.observer = observer; }

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
        if (gen + 1 < NUM_GENERATIONS) count[gen + 1]++;
        for (int i = 0; i <= gen; i++) count[i] = 0;
        for (int i = 0; i < gen; i++) listMerge(generation[i], generation[gen]);
        long young = generation[gen];
        long old = gen < NUM_GENERATIONS - 1 ? generation[gen + 1] : young;

        deduceUnreachable(gen, young, unreachable);
        untrackTuples(young);
        if (young != old) {
            if (gen == NUM_GENERATIONS - 2) longLivedPending += listSize(young);
            listMerge(young, old);
        } else {
            untrackDicts(young);
            longLivedPending = 0;
            longLivedTotal = listSize(young);
        }

        listInit(finalizers);
        moveLegacyFinalizers(unreachable, finalizers);
        moveLegacyFinalizerReachable(finalizers);
        phase(gen, "unreachable", listSize(unreachable));

        if ((debug & DEBUG_COLLECTABLE) != 0) {
            for (long o = next(unreachable); o != unreachable; o = next(o)) {
                model.debugPrint("gc: collectable " + model.describe(o));
            }
        }

        long m = handleWeakrefs(unreachable, old);
        phase(gen, "weakrefs", m);
        finalizeGarbage(unreachable);
        phase(gen, "finalize", 0);
        handleResurrected(unreachable, finalUnreachable, old);
        m += listSize(finalUnreachable);
        phase(gen, "clear", m);
        deleteGarbage(finalUnreachable, old);

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

    private void phase(int gen, String name, long n) {
        if (observer != null) observer.onPhase(gen, name, n);
    }

    /** update_refs, subtract_refs, move_unreachable: splits {@code young} into reachable and unreachable. */
    private void deduceUnreachable(int gen, long young, long unreachableList) {
        listInit(unreachableList);
        updateRefs(young);
        if (gen >= 0) phase(gen, "update_refs", 0);      // as CycleCollector: not for the resurrection check
        subtractRefs(young);
        if (gen >= 0) phase(gen, "subtract_refs", 0);
        moveUnreachable(young, unreachableList);
    }

    /**
     * update_refs. After: every object in {@code young} has gc_refs = its refcount and the
     * COLLECTING flag; the prev links are overwritten (the list is singly linked until
     * move_unreachable restores them).
     */
    private void updateRefs(long young) {
        for (long o = next(young); o != young; o = next(o)) {
            long refs = model.refcount(o);
            setPrevWord(o, (prevWord(o) & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING | (refs << PREV_SHIFT));
        }
    }

    /**
     * subtract_refs. After: gc_refs >= 0 for every object in young, and gc_refs > 0 exactly for
     * objects referenced from outside young (those are directly reachable).
     */
    private void subtractRefs(long young) {
        for (long o = next(young); o != young; o = next(o)) model.traverse(o, visitDecref);
    }

    private void visitDecref(long op) {
        if (model.isGc(op)) {
            long w = prevWord(op);
            if ((w & PREV_MASK_COLLECTING) != 0) setPrevWord(op, w - REFS_ONE);
        }
    }

    /**
     * move_unreachable. Walks young in order; an object with gc_refs > 0 is reachable: it keeps
     * its place, its young referents get gc_refs >= 1 (those already moved to unreachable come
     * back to young's tail) and its COLLECTING flag is cleared. An object with gc_refs 0 moves to
     * {@code unreachableList}, flagged UNREACHABLE in its next word. After: young holds exactly
     * the objects reachable from outside, doubly linked again with their flags clear;
     * unreachableList holds the rest, still COLLECTING and UNREACHABLE.
     */
    private void moveUnreachable(long young, long unreachableList) {
        reachableList = young;
        long prev = young;
        long o = next(young);
        while (o != young) {
            // Invariant: objects between young and prev have been scanned and are reachable.
            if ((prevWord(o) >>> PREV_SHIFT) != 0) {
                model.traverse(o, visitReachable);
                setPrevWord(o, (prevWord(o) & PREV_MASK_FINALIZED) | prev);
                prev = o;
            } else {
                setNext(prev, next(o));
                long last = prev(unreachableList);
                setNext(last, UNREACHABLE | o);
                setPrevWord(o, (prevWord(o) & (PREV_MASK_FINALIZED | PREV_MASK_COLLECTING)) | last);
                setNext(o, UNREACHABLE | unreachableList);
                setPrev(unreachableList, o);
            }
            o = next(prev);
        }
        setPrev(young, prev);
        setNext(unreachableList, next(unreachableList) & ~UNREACHABLE);
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
            setPrev(reachableList, op);
            setPrevWord(op, (w & 3) | REFS_ONE);
        } else if ((w >>> PREV_SHIFT) == 0) {
            // Not yet scanned: tell move_unreachable it is reachable.
            setPrevWord(op, (w & 3) | REFS_ONE);
        }
    }

    private void untrackTuples(long head) {
        for (long o = next(head); o != head; ) {
            long nx = next(o);
            if (model.isUntrackableTuple(o)) listRemove(o);
            o = nx;
        }
    }

    private void untrackDicts(long head) {
        for (long o = next(head); o != head; ) {
            long nx = next(o);
            if (model.isUntrackableDict(o)) listRemove(o);
            o = nx;
        }
    }

    /** Clears the UNREACHABLE marks; moves objects with tp_del to {@code to}. After: unreachable is a normal list. */
    private void moveLegacyFinalizers(long unreachableList, long to) {
        for (long o = next(unreachableList); o != unreachableList; ) {
            long nx = next(o) & ~UNREACHABLE;
            setNext(o, nx);
            if (model.hasLegacyFinalizer(o)) {
                setPrevWord(o, prevWord(o) & ~PREV_MASK_COLLECTING);
                listMove(o, to);
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
            listMove(op, moveTarget);
            setPrevWord(op, prevWord(op) & ~PREV_MASK_COLLECTING);
        }
    }

    /**
     * handle_weakrefs. Weakrefs that are garbage themselves are cleared and their callbacks never
     * run; every weakref to a garbage object is cleared; live weakrefs with callbacks have them
     * called. A weakref freed by its own callback counts as collected.
     *
     * @return the number of weakrefs freed by their callbacks
     */
    private long handleWeakrefs(long unreachableList, long old) {
        listInit(wrcbToCall);
        for (long o = next(unreachableList); o != unreachableList; o = next(o)) {
            if (model.isWeakref(o)) model.clearWeakref(o);
            for (long wr = model.firstWeakref(o); wr != 0; wr = model.firstWeakref(o)) {
                model.clearWeakref(wr);
                if (!model.weakrefHasCallback(wr)) continue;
                if ((prevWord(wr) & PREV_MASK_COLLECTING) != 0) continue;  // the weakref is trash too
                model.incref(wr);
                listMove(wr, wrcbToCall);
            }
        }
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

    /** finalize_garbage: each object's finalizer, if it has one not yet run, is marked and called. */
    private void finalizeGarbage(long collectable) {
        listInit(seen);
        while (!listIsEmpty(collectable)) {
            long o = next(collectable);
            listMove(o, seen);
            if (!isFinalized(o) && model.hasFinalizer(o)) {
                setFinalized(o);
                model.incref(o);
                model.finalize(o);
                model.decref(o);
            }
        }
        listMerge(seen, collectable);
    }

    /**
     * handle_resurrected_objects: the unreachable set is examined again; what finalizers made
     * reachable (and all it reaches) moves to old, the rest goes to {@code stillUnreachable}.
     */
    private void handleResurrected(long unreachableList, long stillUnreachable, long old) {
        for (long o = next(unreachableList); o != unreachableList; o = next(o)) {
            setPrevWord(o, prevWord(o) & ~PREV_MASK_COLLECTING);
        }
        deduceUnreachable(-1, unreachableList, stillUnreachable);
        for (long o = next(stillUnreachable); o != stillUnreachable; o = next(o) & ~UNREACHABLE) {
            setNext(o, next(o) & ~UNREACHABLE);
        }
        listMerge(unreachableList, old);
    }

    /**
     * delete_garbage: for each object in order, tp_clear under a temporary reference (or, with
     * DEBUG_SAVEALL, append it to gc.garbage instead). An object still alive afterwards moves to old.
     */
    private void deleteGarbage(long collectable, long old) {
        while (!listIsEmpty(collectable)) {
            long o = next(collectable);
            if ((debug & DEBUG_SAVEALL) != 0) {
                model.saveGarbage(o);
            } else if (model.hasClear(o)) {
                model.incref(o);
                model.clear(o);
                model.decref(o);
            }
            if (next(collectable) == o) {
                setPrevWord(o, prevWord(o) & ~PREV_MASK_COLLECTING);
                listMove(o, old);
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
