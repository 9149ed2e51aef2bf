package dev.refheap.memory;

/**
 * Thrown when an allocation would take the heap past its configured limit, or when the operating
 * system refuses memory. The language surfaces it as Python's {@code MemoryError}; it is never an
 * {@link OutOfMemoryError}, and the heap stays consistent after it (the failed request took nothing).
 */
public final class HeapLimitExceeded extends RuntimeException {
    private final long requested;
    private final long limit;

    public HeapLimitExceeded(long requested, long inUse, long limit) {
        super("cannot allocate " + requested + " bytes: heap holds " + inUse + " of its " + limit + "-byte limit");
        this.requested = requested;
        this.limit = limit;
    }

    public long requested() { return requested; }
    public long limit() { return limit; }
}
