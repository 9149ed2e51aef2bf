package dev.refheap.memory;

/**
 * The arena map: which 1 MiB-aligned address granules belong to which arena object.
 *
 * <p>Arenas are mapped {@link BlockAllocator#ARENA_SIZE}-aligned, so an address belongs to an
 * arena exactly when its granule ({@code addr >>> ARENA_BITS}) is in this map. CPython answers the
 * same question ("is this block one of pymalloc's?") with a radix tree over the address bits, and
 * so does this map: a granule below 2^{@value #RADIX_GRANULE_BITS} (every user-space address of a
 * 47-bit address space) is found in two array loads, a top table of
 * 2^{@value #TOP_BITS} leaves of 2^{@value #LEAF_BITS} entries, made when first needed; no
 * hashing, no probing, no Java allocation on lookups. Granules above that (5-level page tables)
 * go to an open-addressing hash, which answers in one or two probes.
 *
 * <p>Invariants: a radix entry holds arena index + 1 (0: not an arena); hash keys are granule
 * numbers + 1 (0 marks an empty slot); the hash is at most half full, and deletion
 * shifts later entries back so probe chains never contain holes.
 */
final class ArenaMap {
    static final int LEAF_BITS = 14;
    static final int RADIX_GRANULE_BITS = 47 - BlockAllocator.ARENA_BITS;
    static final int TOP_BITS = RADIX_GRANULE_BITS - LEAF_BITS;
    private static final int LEAF_MASK = (1 << LEAF_BITS) - 1;

    private final int[][] top = new int[1 << TOP_BITS][];

    // granules at or above 2^RADIX_GRANULE_BITS
    private long[] keys = new long[16];
    private int[] values = new int[16];
    private int size;

    /** Arena index for the granule containing {@code addr}, or -1. */
    int get(long addr) {
        long granule = addr >>> BlockAllocator.ARENA_BITS;
        long t = granule >>> LEAF_BITS;
        if (t < (1L << TOP_BITS)) {
            int[] leaf = top[(int) t];
            return leaf == null ? -1 : leaf[(int) granule & LEAF_MASK] - 1;
        }
        return getHashed(granule + 1);
    }

    void put(long arenaAddress, int arenaIndex) {
        long granule = arenaAddress >>> BlockAllocator.ARENA_BITS;
        long t = granule >>> LEAF_BITS;
        if (t < (1L << TOP_BITS)) {
            int[] leaf = top[(int) t];
            if (leaf == null) top[(int) t] = leaf = new int[1 << LEAF_BITS];
            leaf[(int) granule & LEAF_MASK] = arenaIndex + 1;
            return;
        }
        if (2 * (size + 1) > keys.length) grow();
        insert(granule + 1, arenaIndex);
        size++;
    }

    void remove(long arenaAddress) {
        long granule = arenaAddress >>> BlockAllocator.ARENA_BITS;
        long t = granule >>> LEAF_BITS;
        if (t < (1L << TOP_BITS)) {
            int[] leaf = top[(int) t];
            if (leaf == null || leaf[(int) granule & LEAF_MASK] == 0) {
                throw new IllegalStateException("arena 0x" + Long.toHexString(arenaAddress) + " is not mapped");
            }
            leaf[(int) granule & LEAF_MASK] = 0;
            return;
        }
        removeHashed(granule + 1, arenaAddress);
    }

    // ---- the hash, for granules beyond the radix table -----------------------------------

    private int getHashed(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) return -1;
        }
    }

    private void removeHashed(long key, long arenaAddress) {
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
