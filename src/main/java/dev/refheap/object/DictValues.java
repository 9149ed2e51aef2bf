package dev.refheap.object;

import dev.refheap.memory.Native;

/**
 * A split dict's values array (CPython 3.11's PyDictValues): the inline attribute values of an
 * instance of a Python class, and the ma_values of a split dict made from them or over a class's
 * shared keys. The array is indexed by the shared keys' entry index; its insertion order lives in
 * a prefix of bytes before it.
 * <pre>
 *  block: prefix (P = round_up(size + 2, 8) bytes) | value slots (8 bytes each, 0 = absent)
 *                                                   ^ the values pointer
 *  prefix, read down from the pointer: [-1] P | [-2] n, the number of order bytes
 *                                      | [-3 - k] for k &lt; n: the slot index set k-th
 * </pre>
 * {@code size} is the shared keys' usable size (entries plus usable places) when the array was
 * made; every index the keys hand out later is below it, so slots are indexed without a bound.
 * Invariant: the order bytes name exactly the non-empty slots, each once, in the order they were
 * set; a slot set from empty appends its index, a deletion removes it and moves the later ones
 * down, a replacement keeps its place. A split dict iterates in that order.
 */
public final class DictValues {
    private DictValues() {}

    /** The address of value slot {@code i} of the values array {@code v}. */
    public static long slot(long v, long i) { return v + 8 * i; }

    /** The prefix size P of the values array {@code v} (its block starts P bytes before it). */
    public static int prefixSize(long v) { return Native.getByte(v - 1) & 0xff; }

    /** How many slots are set (the order bytes in use). */
    public static int orderCount(long v) { return Native.getByte(v - 2) & 0xff; }

    /** The slot index set {@code k}-th, for {@code k < orderCount(v)}. */
    public static int orderAt(long v, long k) { return Native.getByte(v - 3 - k) & 0xff; }

    /** _PyDictValues_AddToInsertionOrder: slot {@code i} (empty until now) is set last. */
    public static void appendOrder(long v, long i) {
        int n = Native.getByte(v - 2) & 0xff;
        Native.putByte(v - 3 - n, (byte) i);
        Native.putByte(v - 2, (byte) (n + 1));
    }

    /** delete_index_from_values: slot {@code i} is emptied, the indices set after it move down one. */
    public static void removeOrder(long v, long i) {
        int n = orderCount(v);
        int k = 0;
        while (k < n && orderAt(v, k) != i) k++;
        if (k == n) throw new IllegalStateException("slot " + i + " is not in the values' insertion order");
        for (; k < n - 1; k++) Native.putByte(v - 3 - k, Native.getByte(v - 4 - k));
        Native.putByte(v - 2, (byte) (n - 1));
    }

    /** The position of slot {@code i} in the insertion order, or -1 when it is empty. */
    public static int positionOf(long v, long i) {
        int n = orderCount(v);
        for (int k = 0; k < n; k++) if (orderAt(v, k) == i) return k;
        return -1;
    }

    /**
     * new_values: a block of 3.11's size for {@code size} slots (a prefix of size+2 bytes rounded
     * up to a pointer, then a pointer per slot), its prefix size in the byte before the slots, no
     * order bytes yet and every slot empty; returns the address of the slots.
     */
    public static long newValues(Heap heap, long size) {
        long prefix = (size + 2 + 7) & ~7L;
        if (prefix > 255) throw new IllegalStateException("a values array of " + size + " slots: at most 253 fit the order bytes");
        long bytes = prefix + 8 * size;
        long block = heap.memAlloc(bytes);
        Native.fill(block, bytes, (byte) 0);
        long v = block + prefix;
        Native.putByte(v - 1, (byte) prefix);
        return v;
    }

    /** free_values: frees the values array {@code v} (the block from its prefix); no decrefs. */
    public static void free(Heap heap, long v) { heap.memFree(v - prefixSize(v)); }
}
