package dev.refheap.embed;

/** A {@link PyRef} of one {@link PyHeap} was passed to another heap (or a ref of another heap): nothing was changed. */
public final class ForeignReferenceException extends IllegalArgumentException {
    ForeignReferenceException(String message) {
        super(message);
    }
}
