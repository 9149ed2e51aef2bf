package dev.refheap.gc;

/**
 * A map from addresses to counts (open addressing, no boxing), for the verifier's bookkeeping
 * over heaps of millions of objects. Keys are non-zero.
 */
final class LongCounts {
    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;

    /** Adds {@code delta} to the count of {@code key} (creating it at 0). */
    void add(long key, long delta) {
        if (2 * (size + 1) > keys.length) grow();
        int i = slot(keys, key);
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
        }
        values[i] += delta;
    }

    /** Empties the map, keeping its capacity (shrinking it when it is far larger than it was needed). */
    void clear() {
        if (size == 0) return;
        if (keys.length > 1024 && 8L * size < keys.length) {
            int n = Math.max(1024, Integer.highestOneBit(Math.max(1, size)) * 4);
            keys = new long[n];
            values = new long[n];
        } else {
            java.util.Arrays.fill(keys, 0);
            java.util.Arrays.fill(values, 0);
        }
        size = 0;
    }

    boolean contains(long key) { return keys[slot(keys, key)] == key; }

    long get(long key) {
        int i = slot(keys, key);
        return keys[i] == key ? values[i] : 0;
    }

    int size() { return size; }

    @FunctionalInterface
    interface Visitor { void visit(long key, long value); }

    void forEach(Visitor v) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0) v.visit(keys[i], values[i]);
    }

    private static int slot(long[] keys, long key) {
        int mask = keys.length - 1;
        long h = key * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private void grow() {
        long[] ok = keys, ov = values;
        keys = new long[ok.length * 2];
        values = new long[ok.length * 2];
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != 0) {
                int i = slot(keys, ok[j]);
                keys[i] = ok[j];
                values[i] = ov[j];
            }
        }
    }
}
