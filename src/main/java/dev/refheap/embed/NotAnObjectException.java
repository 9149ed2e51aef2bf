package dev.refheap.embed;

/** {@link PyHeap#adopt(long)} was given an address that is not a live object of that heap. */
public final class NotAnObjectException extends IllegalArgumentException {
    NotAnObjectException(String message) {
        super(message);
    }
}
