package dev.refheap.object;

/** A refcount was released below zero: a reference-counting bug, never a user error. */
public final class IllegalRefcountException extends IllegalStateException {
    public IllegalRefcountException(long o, long count, int delta) {
        super("refcount of 0x" + Long.toHexString(o) + ": " + count + " (expected: > 0 before a change of " + delta + ")");
    }
}
