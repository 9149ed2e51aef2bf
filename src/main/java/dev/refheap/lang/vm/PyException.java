package dev.refheap.lang.vm;

/**
 * A Python exception in flight through Java frames: it owns one reference to the exception
 * object in the heap. Whoever catches it takes over that reference (or releases it).
 */
public final class PyException extends RuntimeException {
    private final long exc;

    public PyException(long exc) {
        super(null, null, false, false);
        this.exc = exc;
    }

    /** The exception object (the reference this Java exception owns). */
    public long exc() { return exc; }
}
