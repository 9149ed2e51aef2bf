package dev.refheap.lang.vm;

import java.util.Arrays;

/**
 * Java-side parts of heap objects (a code object's decoded instructions, a builtin's
 * implementation, a frame's slots) indexed by a small int that the native object stores.
 * Freed indexes are reused. Invariant: an index is in use iff its native object is alive.
 */
final class Handles<T> {
    private Object[] items = new Object[64];
    private int[] free = new int[64];
    private int freeCount;
    private int top;

    int add(T item) {
        int i;
        if (freeCount > 0) {
            i = free[--freeCount];
        } else {
            if (top == items.length) items = Arrays.copyOf(items, top * 2);
            i = top++;
        }
        items[i] = item;
        return i;
    }

    @SuppressWarnings("unchecked")
    T get(int i) { return (T) items[i]; }

    /** The item at index {@code i} as stored: a table restored from an image may hold stand-ins that its owner replaces on first use ({@link #replace}). */
    Object raw(int i) { return items[i]; }

    /** Puts {@code item} at index {@code i}, which is in use, in place of what it held (a stand-in made real). */
    void replace(int i, T item) {
        if (items[i] == null) throw new IllegalStateException("handle " + i + " is free");
        items[i] = item;
    }

    /** How many indexes are in use. */
    int live() { return top - freeCount; }

    /** One past the highest index ever given. */
    int top() { return top; }

    /** The items at indexes 0 to {@link #top}, null where free. */
    Object[] snapshot() { return Arrays.copyOf(items, top); }

    /** The free indexes, the next to be given last. */
    int[] freeList() { return Arrays.copyOf(free, freeCount); }

    /**
     * Makes these handles {@code items} (null where free) with the free indexes {@code freeList}
     * in that order: a start-up image's handles, as the image-maker's runtime had them.
     */
    void restore(Object[] items, int[] freeList) {
        int nulls = 0;
        for (Object o : items) if (o == null) nulls++;
        if (nulls != freeList.length) throw new IllegalStateException(nulls + " free handles, a free list of " + freeList.length);
        for (int f : freeList) if (f < 0 || f >= items.length || items[f] != null) throw new IllegalStateException("free handle " + f + " is in use");
        this.items = Arrays.copyOf(items, Math.max(64, items.length));
        this.top = items.length;
        this.free = Arrays.copyOf(freeList, Math.max(64, freeList.length));
        this.freeCount = freeList.length;
    }

    void remove(int i) {
        items[i] = null;
        if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
        free[freeCount++] = i;
    }
}
