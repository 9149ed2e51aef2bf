package dev.refheap.object;

/** A refcount was released below zero: a reference-counting bug, never a user error. */
public final class IllegalRefcountException extends IllegalStateException {
    public IllegalRefcountException(long o, long count, int delta) {
        this(o, count, delta, "?");
    }

    public IllegalRefcountException(long o, long count, int delta, String typeName) {
        super("refcount of 0x" + Long.toHexString(o) + " (" + typeName + "): " + count + " (expected: > 0 before a change of " + delta + ")");
    }
}
