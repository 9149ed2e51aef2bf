package dev.refheap.memory;

/**
 * An observer of the allocator's requests, as CPython's PyMem_SetAllocator hooks see them:
 * {@link BlockAllocator#malloc}, {@link BlockAllocator#realloc} and {@link BlockAllocator#free}
 * with the sizes requested (not the size classes that serve them). Installed with
 * {@link BlockAllocator#setHook} only while someone observes (tracemalloc tracing); the allocator
 * calls it after the request has succeeded, so a hook sees only blocks that exist. A hook must not
 * call back into the allocator.
 */
public interface AllocationHook {
    /** A block of {@code size} requested bytes was allocated at {@code p}. */
    void onMalloc(long p, long size);

    /**
     * The block at {@code oldP} was resized to {@code size} requested bytes and now lives at
     * {@code newP} (the same address when it stayed in place; otherwise {@code oldP} is freed).
     */
    void onRealloc(long oldP, long newP, long size);

    /** The block at {@code p} is about to be freed. */
    void onFree(long p);

    /**
     * The block at {@code p}, kept allocated by its owner while unused (a free list), is put back
     * into use: 3.11's _Py_NewReference tells tracemalloc, which gives a traced block the
     * traceback of the code running now (its size stays).
     */
    default void onReuse(long p) {}
}
