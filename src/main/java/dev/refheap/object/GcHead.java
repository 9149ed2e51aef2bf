package dev.refheap.object;

import dev.refheap.memory.Native;

/**
 * The 16-byte GC head that precedes every GC-capable object, and the doubly linked lists made
 * of such heads (the generations, and the collector's working lists).
 *
 * <pre>
 *  _gc_next (at o-16): 0 = not tracked; else the next object's address (not the next head's),
 *                      bit 0 = NEXT_MASK_UNREACHABLE while a collection runs
 *  _gc_prev (at o-8):  bits 63..2: the previous object's address, or during a collection
 *                      gc_refs << 4 with bit 2 = PREV_MASK_REFERS_YOUNG and bit 3 = PREV_MASK_HELPER
 *                      bit 1 = PREV_MASK_COLLECTING, bit 0 = PREV_MASK_FINALIZED
 * </pre>
 * PREV_MASK_REFERS_YOUNG is refheap's (CPython shifts gc_refs by 2): between subtract_refs and
 * move_unreachable it records that the object's traversal found a referent in the generation
 * being collected; without it (a "leaf") move_unreachable need not traverse the object again.
 * Leaves are left unmarked because they are the many (lists of numbers, dicts of strings...):
 * marking them would write to each one's memory once more. No code can observe it: it
 * exists only while gc_refs do, and nothing but the collector runs then.
 * Lists are circular with a sentinel "list head" that is itself a 16-byte head in native memory;
 * links hold object addresses (head + 16), so a list head is addressed like an object. Addresses
 * are 16-byte aligned, leaving the low bits free for the flags. Only objects carry flags: a list
 * head's prev word is always a plain link, so the list operations write it whole.
 *
 * <p>Invariant outside a collection: an object is tracked iff {@code _gc_next != 0}, and then it is
 * on exactly one list, whose links are consistent in both directions.
 */
public final class GcHead {
    private GcHead() {}

    public static final long NEXT_MASK_UNREACHABLE = 1;
    public static final long PREV_MASK_FINALIZED = 1;
    public static final long PREV_MASK_COLLECTING = 2;
    public static final long PREV_MASK_REFERS_YOUNG = 4;
    /**
     * refheap's, during a collection whose update_refs and subtract_refs are split between two
     * threads (gc.ParallelRefs): the object's gc_refs and flags are written by the helper thread
     * (set) or the collecting thread (clear). move_unreachable drops it with the count.
     */
    public static final long PREV_MASK_HELPER = 8;
    public static final int PREV_SHIFT = 4;
    public static final long PREV_MASK = ~3L;

    public static long next(long o) { return Native.getLong(o - 16); }
    public static void setNext(long o, long v) { Native.putLong(o - 16, v); }
    public static long prevWord(long o) { return Native.getLong(o - 8); }
    public static void setPrevWord(long o, long v) { Native.putLong(o - 8, v); }
    public static long prev(long o) { return Native.getLong(o - 8) & PREV_MASK; }

    /** Sets the previous link, keeping the flag bits. */
    public static void setPrev(long o, long prev) {
        long w = Native.getLong(o - 8);
        Native.putLong(o - 8, (w & ~PREV_MASK) | prev);
    }

    public static boolean isTracked(long o) { return next(o) != 0; }
    public static boolean isFinalized(long o) { return (prevWord(o) & PREV_MASK_FINALIZED) != 0; }
    public static void setFinalized(long o) { setPrevWord(o, prevWord(o) | PREV_MASK_FINALIZED); }

    /** Makes {@code head} an empty circular list. */
    public static void listInit(long head) {
        Native.putLong(head - 16, head);
        Native.putLong(head - 8, head);
    }

    public static boolean listIsEmpty(long head) { return next(head) == head; }

    /**
     * Appends {@code o} at the tail of the list; {@code o} must be on no list. A list head's prev
     * word holds no flags (only objects carry them), so the head's is written whole, and {@code
     * o}'s is read once: each access is about 600 bytes of bytecode for the JIT at every inlined
     * copy (docs/performance.md, "Session 22: whole programs").
     */
    public static void listAppend(long o, long head) {
        long last = Native.getLong(head - 8);
        setNext(last, o);
        Native.putLong(o - 8, (Native.getLong(o - 8) & ~PREV_MASK) | last);
        setNext(o, head);
        Native.putLong(head - 8, o);
    }

    /**
     * Removes {@code o} from its list and marks it untracked; only the FINALIZED flag survives.
     * The collector's garbage list may still carry NEXT_MASK_UNREACHABLE marks while its objects
     * are freed, so the next link is read without the mark.
     */
    public static void listRemove(long o) {
        long w = Native.getLong(o - 8);  // read once: nothing below writes o's prev word before the last line
        long prev = w & PREV_MASK;
        long next = next(o) & ~NEXT_MASK_UNREACHABLE;
        setNext(prev, next);
        setPrev(next, prev);
        setNext(o, 0);
        Native.putLong(o - 8, w & PREV_MASK_FINALIZED);
    }

    /** Moves {@code o} from its list to the tail of {@code head}'s list. */
    public static void listMove(long o, long head) {
        listMove(o, head, 0);
    }

    /**
     * {@link #listMove}, clearing the flags {@code clear} (a subset of the two low bits) in {@code
     * o}'s prev word at the same time: the prev word is read once and written once. Nothing between
     * the read and the write touches it ({@code o} is neither its own neighbour nor a list head),
     * and the head's prev word is written whole (as in {@link #listAppend}).
     */
    public static void listMove(long o, long head, long clear) {
        long w = Native.getLong(o - 8);
        long prev = w & PREV_MASK;
        long next = next(o);
        setNext(prev, next);
        setPrev(next, prev);
        long last = Native.getLong(head - 8);
        setNext(last, o);
        Native.putLong(o - 8, (w & ~PREV_MASK & ~clear) | last);
        setNext(o, head);
        Native.putLong(head - 8, o);
    }

    /** Appends all of {@code from}'s list to {@code to}'s, leaving {@code from} empty. */
    public static void listMerge(long from, long to) {
        if (listIsEmpty(from)) return;
        long toTail = prev(to);
        long first = next(from);
        long last = prev(from);
        setNext(toTail, first);
        setPrev(first, toTail);
        setNext(last, to);
        setPrev(to, last);
        listInit(from);
    }

    public static long listSize(long head) {
        long n = 0;
        for (long o = next(head); o != head; o = next(o)) n++;
        return n;
    }
}
