package dev.refheap.gc;

import java.util.function.LongConsumer;

/**
 * What the cycle collector needs to know about objects: the interface the collector owns and an
 * object model implements (CPython's type slots seen from gcmodule). The real heap implements it
 * in {@link HeapObjectModel}; tests implement it over a model graph.
 *
 * <p>Objects are native addresses with CPython's layout around them: the refcount word at
 * {@code o}, and for GC objects the 16-byte GC head just before {@code o}, which the collector
 * alone manages (through {@link dev.refheap.object.GcHead}).
 */
public interface ObjectModel {
    long refcount(long o);
    void incref(long o);
    void decref(long o);

    /** PyObject_IS_GC: o has a GC head (and may be on a generation list). */
    boolean isGc(long o);

    /** tp_traverse, in the type's order. */
    void traverse(long o, LongConsumer visit);

    /**
     * True if {@link #traverse} of {@code o} only reads memory (no shared Java state, no Python
     * code), so that another thread may run it while the collecting thread traverses other
     * objects (the collector's helper thread, {@link ParallelRefs}). The default claims nothing.
     */
    default boolean traverseIsThreadSafe(long o) { return false; }

    /** True for an exact list or tuple (the warm-up's choice of graphs asks it; see CycleCollector). */
    default boolean isExactListOrTuple(long o) { return false; }

    /** True if o's type has tp_clear. */
    boolean hasClear(long o);

    /** tp_clear. */
    void clear(long o);

    /** True if o's type has tp_finalize (a Python {@code __del__}). */
    boolean hasFinalizer(long o);

    /** tp_finalize; errors are reported as unraisable, never thrown. */
    void finalize(long o);

    /** True if o's type has a legacy tp_del: such garbage is uncollectable. */
    boolean hasLegacyFinalizer(long o);

    /**
     * False only if no object can have a legacy finalizer ({@link #hasLegacyFinalizer} is false
     * for every object): the collector then skips move_legacy_finalizers' search.
     */
    default boolean mayHaveLegacyFinalizers() { return true; }

    /** True for an exact tuple whose items are all untracked (it may be untracked). */
    boolean isUntrackableTuple(long o);

    /** True for an exact dict whose contents are all untracked (it may be untracked). */
    boolean isUntrackableDict(long o);

    /** {@link #dictVerdict}: not an exact dict, or it holds a GC object that is not an exact tuple. */
    int DICT_KEEP = 0;
    /** {@link #dictVerdict}: an exact dict whose contents are all untracked now. */
    int DICT_UNTRACK = 1;
    /** {@link #dictVerdict}: an exact dict held tracked only by tracked exact tuples, which may yet be untracked. */
    int DICT_UNDECIDED = 2;

    /**
     * untrack_dicts' verdict on {@code o} while untrack_tuples is still under way: only the
     * tracking of exact tuples can change then. The default decides nothing early, which is
     * always right (the collector asks {@link #isUntrackableDict} once tuples are done).
     */
    default int dictVerdict(long o) { return DICT_UNDECIDED; }

    /**
     * True if handle_weakrefs or finalize_garbage would have work to do for {@code o}: it is a
     * weakref, has weakrefs to it, or has a finalizer that has not run yet.
     */
    default boolean hasWeakrefsOrFinalizer(long o) {
        return isWeakref(o) || firstWeakref(o) != 0 || (!dev.refheap.object.GcHead.isFinalized(o) && hasFinalizer(o));
    }

    // ---- weak references --------------------------------------------------------------------

    /** True if o is a weak reference object. */
    boolean isWeakref(long o);

    /** The first weakref to o, 0 if none (or if o's type has no weakref list). */
    long firstWeakref(long o);

    /** _PyWeakref_ClearRef: unlinks wr from its referent's list, referent := None; keeps the callback. */
    void clearWeakref(long wr);

    boolean weakrefHasCallback(long wr);

    /** Calls wr's callback with wr; errors are reported as unraisable, never thrown. */
    void callWeakrefCallback(long wr);

    // ---- runtime -------------------------------------------------------------------------------

    /** Frees the types' free lists (done at the end of every full collection). */
    void clearFreeLists();

    /** Appends o to gc.garbage. */
    void saveGarbage(long o);

    /** {@code <typename 0x...>}, for the DEBUG_COLLECTABLE/UNCOLLECTABLE lines. */
    String describe(long o);

    /** Writes one line of debug output (to stderr, as CPython does). */
    void debugPrint(String line);

    /** True while an exception is pending: automatic collection waits. */
    default boolean errorPending() { return false; }
}
