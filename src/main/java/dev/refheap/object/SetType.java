package dev.refheap.object;

import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code set}: CPython 3.11's open-addressing hash table.
 * <pre>
 *  refcnt | type | fill | used | mask | table | hash | finger | smalltable[8] {key, hash} | weakreflist
 * </pre>
 * 200 bytes plus the GC head; tables up to 8 slots live inline ({@code smalltable}), larger ones
 * are allocated separately and counted by getsizeof. Probing takes 9 linear steps, then jumps
 * with the hash's perturbation; a deleted slot holds the static dummy key with hash -1. The table
 * grows when {@code fill * 5 >= mask * 3}, to 4 times the used count (2 times above 50,000).
 * Always tracked when created.
 */
public final class SetType extends PyType {
    public static final int FILL = 16, USED = 24, MASK = 32, TABLE = 40, HASH = 48, FINGER = 56, SMALLTABLE = 64,
            WEAKREFLIST = 192;
    public static final int MINSIZE = 8;
    private static final int LINEAR_PROBES = 9, PERTURB_SHIFT = 5;
    private long dummy;
    private final boolean frozen;

    SetType(Heap heap) {
        this(heap, "set", false);
    }

    /** {@code set}, or with {@code frozen} the immutable, hashable {@code frozenset} (same layout). */
    SetType(Heap heap, String name, boolean frozen) {
        super(heap, name, null, BASETYPE | HAVE_GC, 200, 0, WEAKREFLIST);
        this.frozen = frozen;
    }

    public boolean isFrozen() { return frozen; }

    /** set_richcompare's shortcut for ==: both cache a hash (frozensets once hashed) and the two differ. */
    public static boolean knownHashesDiffer(long a, long b) {
        long ha = Native.getLong(a + HASH), hb = Native.getLong(b + HASH);
        return ha != -1 && hb != -1 && ha != hb;
    }

    void createDummy() {
        dummy = heap.newStaticObject(heap.objectType, Layout.OBJECT_HEAD, 1);
    }

    void shareDummy(SetType other) {
        dummy = other.dummy;
    }

    /** A new, empty, tracked set. */
    public long create() {
        long s = heap.allocObject(this, 0);
        Native.putLong(s + FILL, 0);
        Native.putLong(s + USED, 0);
        Native.putLong(s + MASK, MINSIZE - 1);
        Native.putLong(s + TABLE, s + SMALLTABLE);
        Native.putLong(s + HASH, -1);
        Native.putLong(s + FINGER, 0);
        Native.fill(s + SMALLTABLE, 16L * MINSIZE, (byte) 0);
        heap.track(s);
        return s;
    }

    @Override
    public void initSubtypeInstance(long s) {
        Native.putLong(s + MASK, MINSIZE - 1);
        Native.putLong(s + TABLE, s + SMALLTABLE);
        Native.putLong(s + HASH, -1);
    }

    @Override
    public boolean isDataBase() { return true; }

    public static long size(long s) { return Native.getLong(s + USED); }
    private static long table(long s) { return Native.getLong(s + TABLE); }
    private static long mask(long s) { return Native.getLong(s + MASK); }

    /** set.add(key): key is incref'd if it was not already present. */
    public void add(long s, long key) {
        addKnownHash(s, key, heap.hash(key));
    }

    /**
     * set_add_entry: {@code key} with the hash the caller has (a set's or dict's stored one); incref'd
     * if added. As 3.11, the key is held from the start (a comparison's __eq__ may drop the caller's
     * last reference) and each stored key compared is held across its comparison; a comparison that
     * changed the table or the entry starts the search again.
     */
    public void addKnownHash(long s, long key, long hash) {
        heap.incref(key);
        restart:
        while (true) {
            long mask = mask(s);
            long table = table(s);
            long i = hash & mask;
            long perturb = hash;
            long freeslot = 0;
            while (true) {
                long entry = table + 16 * i;
                int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
                do {
                    long ek = Native.getLong(entry), eh = Native.getLong(entry + 8);
                    if (eh == 0 && ek == 0) {
                        if (freeslot != 0) {
                            Native.putLong(freeslot, key);
                            Native.putLong(freeslot + 8, hash);
                            Native.putLong(s + USED, size(s) + 1);
                            return;
                        }
                        Native.putLong(entry, key);
                        Native.putLong(entry + 8, hash);
                        long fill = Native.getLong(s + FILL) + 1;
                        Native.putLong(s + FILL, fill);
                        long used = size(s) + 1;
                        Native.putLong(s + USED, used);
                        if (fill * 5 >= mask * 3) resize(s, used > 50000 ? used * 2 : used * 4);
                        return;
                    }
                    if (eh == hash) {
                        if (ek == key) {
                            heap.decref(key);
                            return;
                        }
                        boolean same;
                        try {
                            same = heap.equalHeld(ek, key);
                        } catch (RuntimeException e) {
                            heap.decref(key);
                            throw e;
                        }
                        if (same) {
                            heap.decref(key);
                            return;
                        }
                        if (table(s) != table || Native.getLong(entry) != ek) continue restart;
                        mask = mask(s);
                    } else if (eh == -1 && freeslot == 0) {
                        freeslot = entry;
                    }
                    entry += 16;
                } while (probes-- > 0);
                perturb >>>= PERTURB_SHIFT;
                i = (i * 5 + 1 + perturb) & mask;
            }
        }
    }

    /**
     * set_lookkey: the table entry holding {@code key}, or 0. Each stored key compared is held across
     * its comparison; a comparison that changed the table or the entry starts the search again.
     */
    private long find(long s, long key, long hash) {
        restart:
        while (true) {
            long mask = mask(s);
            long table = table(s);
            long i = hash & mask;
            long perturb = hash;
            while (true) {
                long entry = table + 16 * i;
                int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
                do {
                    long ek = Native.getLong(entry), eh = Native.getLong(entry + 8);
                    if (eh == 0 && ek == 0) return 0;
                    if (eh == hash && ek != dummy) {
                        if (ek == key) return entry;
                        boolean same = heap.equalHeld(ek, key);
                        if (table(s) != table || Native.getLong(entry) != ek) continue restart;
                        if (same) return entry;
                        mask = mask(s);
                    }
                    entry += 16;
                } while (probes-- > 0);
                perturb >>>= PERTURB_SHIFT;
                i = (i * 5 + 1 + perturb) & mask;
            }
        }
    }

    public boolean contains(long s, long key) { return find(s, key, heap.hash(key)) != 0; }

    /** set.discard(key); returns false if absent. */
    public boolean discard(long s, long key) {
        return discardKnownHash(s, key, heap.hash(key));
    }

    /** set_discard_entry with the key's hash known: false when absent. */
    public boolean discardKnownHash(long s, long key, long hash) {
        long entry = find(s, key, hash);
        if (entry == 0) return false;
        long old = Native.getLong(entry);
        Native.putLong(entry, dummy);
        Native.putLong(entry + 8, -1);
        Native.putLong(s + USED, size(s) - 1);
        heap.decref(old);
        return true;
    }

    /**
     * set_table_resize: a table of the smallest power of two above {@code minused}, entries re-inserted
     * in table order. The old small table is read from a copy on the side (CPython's on the C stack: no
     * allocation, so nothing tracemalloc would see).
     */
    private void resize(long s, long minused) {
        long newsize = MINSIZE;
        while (newsize <= minused) newsize <<= 1;
        long oldTable = table(s);
        long oldMask = mask(s);
        boolean oldIsSmall = oldTable == s + SMALLTABLE;
        long[] small = oldIsSmall ? smallCopy(s) : null;
        long newTable = newsize == MINSIZE ? s + SMALLTABLE : heap.memAlloc(16 * newsize);
        Native.fill(newTable, 16 * newsize, (byte) 0);
        Native.putLong(s + TABLE, newTable);
        Native.putLong(s + MASK, newsize - 1);
        long used = size(s);
        for (long i = 0; i <= oldMask; i++) {
            long ek = small != null ? small[(int) (2 * i)] : Native.getLong(oldTable + 16 * i);
            long eh = small != null ? small[(int) (2 * i + 1)] : Native.getLong(oldTable + 16 * i + 8);
            if (ek != 0 && ek != dummy) insertClean(newTable, newsize - 1, ek, eh);
        }
        Native.putLong(s + FILL, used);
        if (!oldIsSmall) heap.memFree(oldTable);
    }

    /** The small table's entries as {key, hash} pairs. */
    private static long[] smallCopy(long s) {
        long[] r = new long[2 * MINSIZE];
        for (int i = 0; i < r.length; i++) r[i] = Native.getLong(s + SMALLTABLE + 8L * i);
        return r;
    }

    /**
     * set_swap_bodies: {@code a} and {@code b} exchange fill, used, mask and table (a small table's
     * entries move between the two inline tables); the cached hash moves too when both are
     * frozensets, else both are reset to -1. The objects keep their identity, refcounts and weakrefs.
     */
    public void swapBodies(long a, long b) {
        for (int off : new int[] {FILL, USED, MASK}) {
            long t = Native.getLong(a + off);
            Native.putLong(a + off, Native.getLong(b + off));
            Native.putLong(b + off, t);
        }
        long ta = table(a), tb = table(b);
        boolean aSmall = ta == a + SMALLTABLE, bSmall = tb == b + SMALLTABLE;
        Native.putLong(a + TABLE, bSmall ? a + SMALLTABLE : tb);
        Native.putLong(b + TABLE, aSmall ? b + SMALLTABLE : ta);
        if (aSmall || bSmall) {
            long[] sa = smallCopy(a);
            Native.copy(b + SMALLTABLE, a + SMALLTABLE, 16L * MINSIZE);
            for (int i = 0; i < sa.length; i++) Native.putLong(b + SMALLTABLE + 8L * i, sa[i]);
        }
        if (heap.typeOf(a).isSubtypeOf(heap.frozensets) && heap.typeOf(b).isSubtypeOf(heap.frozensets)) {
            long h = Native.getLong(a + HASH);
            Native.putLong(a + HASH, Native.getLong(b + HASH));
            Native.putLong(b + HASH, h);
        } else {
            Native.putLong(a + HASH, -1);
            Native.putLong(b + HASH, -1);
        }
    }

    /**
     * set_merge: the keys of set or frozenset {@code other} added with their stored hashes, after one
     * resize when the fill would pass 3/5 of the table; into an empty set of the same table size
     * without dummies the slots are copied as they are, into any other empty set inserted clean.
     */
    public void mergeFromSet(long s, long other) {
        long n = size(other);
        if (other == s || n == 0) return;
        if ((Native.getLong(s + FILL) + n) * 5 >= mask(s) * 3) resize(s, (size(s) + n) * 2);
        long ot = table(other), om = mask(other);
        if (Native.getLong(s + FILL) == 0) {
            long t = table(s), m = mask(s);
            boolean sameSlots = m == om && Native.getLong(other + FILL) == n;
            for (long i = 0; i <= om; i++) {
                long k = Native.getLong(ot + 16 * i);
                if (k == 0 || k == dummy) continue;
                heap.incref(k);
                long h = Native.getLong(ot + 16 * i + 8);
                if (sameSlots) {
                    Native.putLong(t + 16 * i, k);
                    Native.putLong(t + 16 * i + 8, h);
                } else {
                    insertClean(t, m, k, h);
                }
            }
            Native.putLong(s + FILL, n);
            Native.putLong(s + USED, n);
            return;
        }
        for (long i = 0; i <= mask(other); i++) {  // the table and mask read again each step: a comparison may clear other
            long k = Native.getLong(table(other) + 16 * i);
            if (k != 0 && k != dummy) addKnownHash(s, k, Native.getLong(table(other) + 16 * i + 8));
        }
    }

    /**
     * set_update_internal for an exact dict: one resize when the fill would pass 3/5 of the table
     * ((used + size) * 2), then each key added with the dict's stored hash.
     */
    public void updateFromDictKeys(long s, long d, DictType dicts) {
        long n = DictType.size(d);
        if ((Native.getLong(s + FILL) + n) * 5 >= mask(s) * 3) resize(s, (size(s) + n) * 2);
        for (long ix = DictType.nextEntry(d, 0); ix >= 0; ix = DictType.nextEntry(d, ix + 1)) {
            addKnownHash(s, DictType.entryKeyAt(d, ix), dicts.entryHashAt(d, ix));
        }
    }

    private static void insertClean(long table, long mask, long key, long hash) {
        long i = hash & mask;
        long perturb = hash;
        while (true) {
            long entry = table + 16 * i;
            int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
            do {
                if (Native.getLong(entry) == 0) {
                    Native.putLong(entry, key);
                    Native.putLong(entry + 8, hash);
                    return;
                }
                entry += 16;
            } while (probes-- > 0);
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /** Visits the keys in table order (borrowed). */
    public void forEach(long s, LongConsumer visit) {
        long table = table(s);
        for (long i = 0, mask = mask(s); i <= mask; i++) {
            long ek = Native.getLong(table + 16 * i);
            if (ek != 0 && ek != dummy) visit.accept(ek);
        }
    }

    /** Position-based iteration: the next table slot at or after {@code pos} holding a key, or -1. */
    /** set_contains_entry with the key's hash known. */
    public boolean containsKnownHash(long s, long key, long hash) { return find(s, key, hash) != 0; }

    /** The hash stored in slot {@code slot} (a live one, from {@link #nextSlot}). */
    public static long hashAt(long s, long slot) { return Native.getLong(table(s) + 16 * slot + 8); }

    /** The end of set_difference_update_internal: more than a quarter of the table dummies is resized away. */
    public void resizeIfManyDummies(long s) {
        long used = size(s);
        if (Native.getLong(s + FILL) - used <= mask(s) / 4) return;
        resize(s, used > 50000 ? used * 2 : used * 4);
    }

    public long nextSlot(long s, long pos) {
        long table = table(s);
        for (long i = pos, mask = mask(s); i <= mask; i++) {
            long ek = Native.getLong(table + 16 * i);
            if (ek != 0 && ek != dummy) return i;
        }
        return -1;
    }

    public static long keyAt(long s, long slot) { return Native.getLong(table(s) + 16 * slot); }

    @Override
    public void traverse(long o, LongConsumer visit) { forEach(o, visit); }

    @Override
    public boolean hasClear() { return true; }

    /** set_clear_internal: the set takes a fresh small table first, then the old keys are released (a small table's from a copy on the side). */
    @Override
    public void clear(long o) {
        long table = table(o);
        long mask = mask(o);
        boolean small = table == o + SMALLTABLE;
        long[] copy = small ? smallCopy(o) : null;
        Native.fill(o + SMALLTABLE, 16L * MINSIZE, (byte) 0);
        Native.putLong(o + TABLE, o + SMALLTABLE);
        Native.putLong(o + MASK, MINSIZE - 1);
        Native.putLong(o + FILL, 0);
        Native.putLong(o + USED, 0);
        for (long i = 0; i <= mask; i++) {
            long ek = small ? copy[(int) (2 * i)] : Native.getLong(table + 16 * i);
            if (ek != 0 && ek != dummy) heap.decref(ek);
        }
        if (!small) heap.memFree(table);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.weakrefs.clearWeakrefs(o);
        long table = table(o);
        for (long i = 0, mask = mask(o); i <= mask; i++) {
            long ek = Native.getLong(table + 16 * i);
            if (ek != 0 && ek != dummy) heap.decref(ek);
        }
        if (table != o + SMALLTABLE) heap.memFree(table);
        heap.freeObject(o);
    }

    @Override
    public long sizeOf(long o) {
        long table = table(o);
        return basicSize() + (table == o + SMALLTABLE ? 0 : 16 * (mask(o) + 1));
    }

    /**
     * frozenset's hash (frozenset_hash: the shuffled hashes of the entries xor'ed, then mixed;
     * 3.11 xors every slot's and then takes out the empty slots' and dummies' shares, which leaves
     * the entries'); sets are unhashable.
     */
    @Override
    public long hash(long o) {
        if (!frozen) throw new PyError("TypeError", "unhashable type: 'set'");
        long h = Native.getLong(o + HASH);
        if (h != -1) return h;
        long table = table(o);
        h = 0;
        for (long i = 0, mask = mask(o); i <= mask; i++) {
            long ek = Native.getLong(table + 16 * i);
            if (ek != 0 && ek != dummy) h ^= shuffle(Native.getLong(table + 16 * i + 8));
        }
        h ^= (size(o) + 1) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        if (h == -1) h = 590923713L;
        Native.putLong(o + HASH, h);
        return h;
    }

    private static long shuffle(long h) {
        return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
    }

    @Override
    public boolean equals(long a, long b) {
        if (a == b) return true;
        // set_richcompare's ==: the sizes, the cached hashes of two hashed frozensets, then set_issubset
        // (each key held, looked up by its stored hash: no key's __hash__ runs)
        if (!(heap.typeOf(b) instanceof SetType) || size(a) != size(b) || knownHashesDiffer(a, b)) return false;
        for (long i = nextSlot(a, 0); i >= 0; i = nextSlot(a, i + 1)) {
            long k = keyAt(a, i);
            heap.incref(k);
            try {
                if (!containsKnownHash(b, k, hashAt(a, i))) return false;
            } finally {
                heap.decref(k);
            }
        }
        return true;
    }
}
