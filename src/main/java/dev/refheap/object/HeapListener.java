package dev.refheap.object;

/**
 * Observer of the heap's events: the stream front ends (trace, visualizer) consume. All methods
 * default to nothing. The heap calls them only while a listener is installed, so an unobserved
 * heap pays one null check per event.
 */
public interface HeapListener {
    /** An object was allocated (or taken from a free list) at {@code o}, {@code size} bytes with pre-header. */
    default void onAllocate(long o, PyType type, long size) {}

    /** The object at {@code o} is being freed (or parked on a free list); it is no longer an object. */
    default void onFree(long o, PyType type) {}

    /** The refcount of {@code o} changed by {@code delta} to {@code newCount}. */
    default void onRefcount(long o, int delta, long newCount) {}

    /** A collector phase began or ended; {@code detail} says which (start, update_refs, ..., stop). */
    default void onGcPhase(int generation, String phase, long count) {}
}
