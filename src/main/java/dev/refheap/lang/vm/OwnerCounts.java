package dev.refheap.lang.vm;

/**
 * How many references to each heap object the builtin types' dicts took over from the runtime at
 * start-up: a count per object address, each dict counted at most once per object. What
 * {@link Runtime#unhold} then releases from the runtime's held list.
 *
 * <p>An open-addressing table of addresses (never 0) with a multiplicative hash: objects sit
 * at 16-byte steps in a few arenas, so the low bits of an address alone collide (a
 * {@code HashMap<Long, Integer>} turned its bins into trees here). It runs once per runtime, in
 * the JVM's bytecode interpreter, for some 1,600 objects: no boxing, no call per probe.
 * Invariants: {@code size} keys are in {@code keys}, at most half of it; a slot is empty iff its
 * key is 0.
 */
final class OwnerCounts {
    private long[] keys;
    private int[] counts;
    /** The dict (its number, from 1) that last counted each key: a dict counts an object once. */
    private int[] lastDict;
    private int size;
    private int dict;

    /** A table for about {@code expected} objects (it grows past them); {@code expected} a power of two. */
    OwnerCounts(int expected) {
        keys = new long[2 * expected];
        counts = new int[2 * expected];
        lastDict = new int[2 * expected];
    }

    /** Starts counting for the next dict. */
    void nextDict() { dict++; }

    /** Counts {@code o} for the current dict, unless that dict counted it already. */
    void countOnce(long o) {
        int i = slot(o);
        if (keys[i] == 0) {
            keys[i] = o;
            size++;
        } else if (lastDict[i] == dict) {
            return;
        }
        lastDict[i] = dict;
        counts[i]++;
        if (2 * size > keys.length) grow();
    }

    /** Takes one of {@code o}'s counts if it has any left: true if it did. */
    boolean take(long o) {
        int i = slot(o);
        if (keys[i] == 0 || counts[i] == 0) return false;
        counts[i]--;
        return true;
    }

    private int slot(long o) {
        int mask = keys.length - 1;
        int i = (int) ((o * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (keys[i] != 0 && keys[i] != o) i = (i + 1) & mask;
        return i;
    }

    private void grow() {
        long[] k = keys;
        int[] c = counts, d = lastDict;
        keys = new long[k.length * 2];
        counts = new int[k.length * 2];
        lastDict = new int[k.length * 2];
        for (int j = 0; j < k.length; j++) {
            if (k[j] == 0) continue;
            int i = slot(k[j]);
            keys[i] = k[j];
            counts[i] = c[j];
            lastDict[i] = d[j];
        }
    }
}
