package dev.refheap.memory;

/**
 * The arena map: which 1 MiB-aligned address granules belong to which arena object.
 *
 * <p>Arenas are mapped {@link BlockAllocator#ARENA_SIZE}-aligned, so an address belongs to an
 * arena exactly when its granule ({@code addr >>> ARENA_BITS}) is in this map. CPython answers the
 * same question ("is this block one of pymalloc's?") with a radix tree; an open-addressing hash
 * over granules answers it in one or two probes without Java allocation.
 *
 * <p>Invariants: keys are granule numbers + 1 (0 marks an empty slot); the table is at most half
 * full; deletion shifts later entries back so probe chains never contain holes.
 */
final class ArenaMap {
    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int size;

    /** Arena index for the granule containing {@code addr}, or -1. */
    int get(long addr) {
        long key = (addr >>> BlockAllocator.ARENA_BITS) + 1;
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) return -1;
        }
    }

    void put(long arenaAddress, int arenaIndex) {
        if (2 * (size + 1) > keys.length) grow();
        insert((arenaAddress >>> BlockAllocator.ARENA_BITS) + 1, arenaIndex);
        size++;
    }

    void remove(long arenaAddress) {
        long key = (arenaAddress >>> BlockAllocator.ARENA_BITS) + 1;
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != key) {
            if (keys[i] == 0) throw new IllegalStateException("arena 0x" + Long.toHexString(arenaAddress) + " is not mapped");
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: move later members of the probe chain into the hole.
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = hash(keys[j]) & mask;
            boolean between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!between) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        size--;
    }

    private void insert(long key, int value) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) insert(oldKeys[i], oldValues[i]);
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
