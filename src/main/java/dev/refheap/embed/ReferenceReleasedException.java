package dev.refheap.embed;

/**
 * A {@link PyRef} was used after {@link PyRef#release()} (or released twice): it no longer owns
 * a reference, and the object may have been freed (as Netty's IllegalReferenceCountException).
 */
public final class ReferenceReleasedException extends IllegalStateException {
    ReferenceReleasedException(String message) {
        super(message);
    }
}
