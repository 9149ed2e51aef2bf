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

    void remove(int i) {
        items[i] = null;
        if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
        free[freeCount++] = i;
    }
}
