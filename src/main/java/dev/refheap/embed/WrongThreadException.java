package dev.refheap.embed;

/**
 * A {@link PyHeap} (or a {@link PyRef} into it) was used from a thread other than the one that
 * created it. A heap is confined to its creating thread; nothing was changed.
 */
public final class WrongThreadException extends IllegalStateException {
    WrongThreadException(Thread owner, Thread current) {
        super("this PyHeap belongs to thread '" + owner.getName() + "' (id " + owner.threadId() + "), not '"
                + current.getName() + "' (id " + current.threadId() + "): a heap is confined to the thread that created it");
    }
}
