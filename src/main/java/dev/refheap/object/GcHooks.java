package dev.refheap.object;

/**
 * What the object layer needs from the cycle collector, which sits above it: tracking, and the
 * allocation count that triggers automatic collections. The collector installs itself with
 * {@link Heap#installGc}; until then a heap tracks objects on one plain list and never collects.
 */
public interface GcHooks {
    /** PyObject_GC_Track: link {@code o} into the youngest generation. */
    void track(long o);

    /** PyObject_GC_UnTrack for a tracked object. */
    void untrack(long o);

    /** A GC object was allocated (not from a free list): count0 += 1, and maybe collect now. */
    void onGcAlloc();

    /** A GC object's memory was freed (not parked on a free list): count0 -= 1, not below 0. */
    void onGcFree();
}
