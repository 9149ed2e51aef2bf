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

    /**
     * Whether the exception's {@code __context__} was settled where it was raised (CPython chains
     * in _PyErr_SetObject, at the raise, never as the exception passes through frames): set once
     * the first frame has handled or passed it on, and by a raise statement, which chains itself.
     */
    private boolean chained;

    boolean chained() { return chained; }

    PyException markChained() {
        chained = true;
        return this;
    }
}
