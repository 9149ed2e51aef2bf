package dev.refheap.embed;

/** A {@link PyHeap}, or a {@link PyRef} into it, was used after {@link PyHeap#close()}: its memory is gone. */
public final class HeapClosedException extends IllegalStateException {
    HeapClosedException(String what) {
        super(what + ": the heap was closed (its objects and memory are gone)");
    }
}
