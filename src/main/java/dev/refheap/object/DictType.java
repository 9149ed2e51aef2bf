package dev.refheap.object;

import dev.refheap.memory.MallocStats;
import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code dict}: CPython 3.11's compact, insertion-ordered dict.
 * <pre>
 *  dict (48 bytes + GC head): refcnt | type | ma_used | ma_version_tag | ma_keys | ma_values
 *  keys (raw block): dk_refcnt | log2_size, log2_index_bytes, kind | version | dk_usable | dk_nentries
 *                    | indices (1 &lt;&lt; log2_index_bytes bytes; 1, 2, 4 or 8 bytes each)
 *                    | entries (usable of them: unicode kind {key, value}, general kind {hash, key, value})
 * </pre>
 * A new dict shares the static empty keys and is not tracked; the first insertion gets a table
 * of 8 slots (5 usable), of the unicode kind if the key is a str. Inserting a non-str key
 * converts the table to the general kind. A full table grows to hold {@code 3 * used}. Lookups
 * probe with CPython's perturbation ({@code i = 5i + perturb + 1}, perturb >>= 5), so iteration
 * order and sizes match: {@code getsizeof({}) == 64}, {@code getsizeof({'a': 1}) == 184}.
 *
 * <p>Tracking: a dict becomes tracked when a key or value that may be tracked is inserted; only
 * a full collection untracks it again. Up to 80 dead dicts wait on a free list, and up to 80
 * 8-slot unicode key tables on a keys free list.
 *
 * <p>Watched dicts: a dict marked with {@link #watch} (the language marks class dicts) counts
 * every change of its contents (insertion, replacement, deletion, clearing, deallocation) in
 * {@link #watchedVersion()}, so caches derived from watched dicts (a class's attribute lookups)
 * know when to forget. The mark lives in ma_version_tag, which nothing else reads.
 *
 * <p>Split dicts (an instance's {@code __dict__}): ma_keys is a class's shared keys table (kind
 * split, its entries' values unused, dk_refcnt counting the class and each split dict), ma_values
 * a {@link DictValues} array indexed by the keys' entries, whose order bytes are the dict's
 * iteration order. A dict is split from {@link #fromInstanceValues}, {@link #newSplit} or a split
 * dict's {@link #copy} until a non-str key, a new key the shared keys have no room for or popitem
 * combines it (dictresize: a table of its own in its order); clearing makes it an empty combined
 * dict. Positions from {@link #nextEntry} and the entry accessors are order positions for a split
 * dict, entry indices for a combined one.
 *
 * <p>Keys versions ({@link #keysVersion}, CPython's dk_version): a keys table gets a number, handed
 * out once, when asked; inserting a new key, deleting one or replacing the table forgets it.
 * While it is unchanged an entry index found earlier still holds the same key, which is what the
 * interpreter's global-lookup caches rely on.
 */
public final class DictType extends PyType {
    public static final int MA_USED = 16, MA_VERSION = 24, MA_KEYS = 32, MA_VALUES = 40;
    // keys object fields
    private static final int DK_REFCNT = 0, DK_LOG2_SIZE = 8, DK_LOG2_INDEX_BYTES = 9, DK_KIND = 10,
            DK_VERSION = 12, DK_USABLE = 16, DK_NENTRIES = 24, DK_INDICES = 32;
    public static final int KEYS_HEADER = 32;
    public static final int KIND_GENERAL = 0, KIND_UNICODE = 1, KIND_SPLIT = 2;
    public static final int LOG_MINSIZE = 3;
    public static final int MAX_FREE = 80;
    private static final long DKIX_EMPTY = -1, DKIX_DUMMY = -2;
    private static final int PERTURB_SHIFT = 5;

    private long emptyKeys;
    private final long[] freeList = new long[MAX_FREE];
    private int numFree;
    private final long[] keysFreeList = new long[MAX_FREE];
    private int keysNumFree;
    /** Changes made so far to watched dicts (see {@link #watch}). */
    private long watchedVersion;
    /** The next keys version to hand out ({@link #keysVersion}). */
    private int nextKeysVersion = 1;

    /** The start-up image's part of this type (Heap.imageState): the free lists and the version counters. */
    void writeImageState(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(numFree);
        for (int i = 0; i < numFree; i++) out.writeLong(freeList[i]);
        out.writeInt(keysNumFree);
        for (int i = 0; i < keysNumFree; i++) out.writeLong(keysFreeList[i]);
        out.writeLong(watchedVersion);
        out.writeInt(nextKeysVersion);
    }

    void readImageState(java.io.DataInputStream in) throws java.io.IOException {
        numFree = Heap.imageCount(in, MAX_FREE);
        for (int i = 0; i < numFree; i++) freeList[i] = in.readLong();
        keysNumFree = Heap.imageCount(in, MAX_FREE);
        for (int i = 0; i < keysNumFree; i++) keysFreeList[i] = in.readLong();
        watchedVersion = in.readLong();
        nextKeysVersion = in.readInt();
    }

    DictType(Heap heap) {
        super(heap, "dict", null, BASETYPE | HAVE_GC | DICT_SUBCLASS, 48, 0, 0);
    }

    void createEmptyKeys() {
        emptyKeys = heap.allocateStatic(KEYS_HEADER + 8, 0);
        Native.putLong(emptyKeys + DK_REFCNT, 1);
        Native.putByte(emptyKeys + DK_LOG2_SIZE, (byte) LOG_MINSIZE);
        Native.putByte(emptyKeys + DK_LOG2_INDEX_BYTES, (byte) LOG_MINSIZE);
        Native.putByte(emptyKeys + DK_KIND, (byte) KIND_UNICODE);
        Native.putLong(emptyKeys + DK_USABLE, 0);
        Native.putLong(emptyKeys + DK_NENTRIES, 0);
        Native.fill(emptyKeys + DK_INDICES, 8, (byte) 0xff);
    }

    // ---- creation -------------------------------------------------------------------------------

    /** PyDict_New: a new empty dict, untracked, from the free list when it has one. */
    public long create() {
        return create(true);
    }

    /**
     * A new empty, untracked dict; {@code useFreeList} false is dict_new's tp_alloc path (calling
     * {@code dict(...)}), which always allocates fresh memory and counts toward count0.
     */
    public long create(boolean useFreeList) {
        long d;
        if (useFreeList && numFree > 0) {
            d = freeList[--numFree];
            heap.reviveFromFreeList(d, this);
        } else {
            d = heap.allocObject(this, 0);
        }
        Native.putLong(d + MA_USED, 0);
        Native.putLong(d + MA_VERSION, 0);
        Native.putLong(d + MA_KEYS, emptyKeys);
        Native.putLong(d + MA_VALUES, 0);
        return d;
    }

    @Override
    public void initSubtypeInstance(long o) { Native.putLong(o + MA_KEYS, emptyKeys); }

    @Override
    public boolean isDataBase() { return true; }

    public static long size(long d) { return Native.getLong(d + MA_USED); }

    /** Marks {@code d} as watched: from now on each change of its contents advances {@link #watchedVersion()}. */
    public void watch(long d) {
        Native.putLong(d + MA_VERSION, 1);
        watchedVersion++;
    }

    /**
     * _PyDictKeys_GetVersionForCurrentState: a number naming the current set of d's keys and their
     * places in the entry table (not the values). It stays the same while only values change; an
     * insertion of a new key, a deletion or a new table gets another one. 0 if the numbers ran out.
     */
    public int keysVersion(long d) {
        if (isSplit(d)) return 0;  // a split dict's positions are its order's: no cache holds one
        long k = keys(d);
        int v = Native.getInt(k + DK_VERSION);
        if (v == 0 && nextKeysVersion > 0) {
            v = nextKeysVersion++;
            Native.putInt(k + DK_VERSION, v);
        }
        return v;
    }

    /** The entry index of {@code key} in d, its hash given (OrderedDict's fast nodes), or -1. */
    public long indexOfKnownHash(long d, long key, long hash) {
        return position(d, lookup(d, key, hash));
    }

    /** The entry index of {@code key} in d (for a cache validated by {@link #keysVersion}), or -1. */
    public long indexOf(long d, long key) {
        long hash = hashOf(key);
        return position(d, lookup(d, key, hash));
    }

    /**
     * The public position of entry {@code ix} of d's keys (or -1): the entry index itself for a
     * combined dict; for a split dict its place in the values' insertion order (-1 when the dict
     * has no value there), the positions {@link #nextEntry} hands out, as _PyDict_Next's.
     */
    private static long position(long d, long ix) {
        long v = values(d);
        if (v == 0 || ix < 0) return ix;
        return DictValues.positionOf(v, ix);
    }

    /**
     * d[key] = value (value borrowed, incref'd) when entry {@code ix} holds {@code key} itself (a
     * cache validated by {@link #keysVersion} said so): the same replacement {@link #setItem}
     * makes for a key already present. Returns false, doing nothing, if the entry does not hold it.
     */
    public boolean replaceValueAt(long d, long ix, long key, long value) {
        long k = keys(d);
        long sv = values(d);
        if (sv != 0) {
            if (ix < 0 || ix >= size(d)) return false;
            long i = DictValues.orderAt(sv, ix);
            if (sharedKeyAt(k, i) != key) return false;
            noteChange(d);
            heap.incref(value);
            maintainTracking(d, key, value);
            long old = Native.getLong(DictValues.slot(sv, i));
            Native.putLong(DictValues.slot(sv, i), value);
            heap.decref(old);
            return true;
        }
        if (ix < 0 || ix >= nentries(k)) return false;
        long e = entry(k, ix);
        if (entryKey(k, e) != key || entryValue(k, e) == 0) return false;
        noteChange(d);
        heap.incref(value);
        maintainTracking(d, key, value);
        long old = entryValue(k, e);
        Native.putLong(e + (kind(k) != KIND_GENERAL ? 8 : 16), value);
        heap.decref(old);
        return true;
    }

    /**
     * The language's view of the classes' shared keys tables: a key that a split dict adds to the
     * shared keys is told to the class that owns them (its mirror of the attribute names), and a
     * table that dies is forgotten.
     */
    public interface SharedKeys {
        /** Str {@code key} joined the shared keys {@code table} at entry {@code index}. */
        void keyAdded(long table, long key, long index);

        /** The shared keys {@code table} is freed (its last split dict or class released it). */
        void freed(long table);
    }

    private SharedKeys sharedKeys;

    public void setSharedKeys(SharedKeys s) { sharedKeys = s; }

    /** The values array of a split dict (ma_values), 0 for a combined one. */
    public static long values(long d) { return Native.getLong(d + MA_VALUES); }

    public static boolean isSplit(long d) { return values(d) != 0; }

    /** log2 of a class's shared keys table's size (3.11's NEXT_LOG2_SHARED_KEYS_MAX_SIZE: 64 slots for at most 30 keys). */
    public static final int SHARED_KEYS_LOG2_SIZE = 6;
    /** SHARED_KEYS_MAX_SIZE: the names a class's shared keys take at most. */
    public static final int SHARED_KEYS_MAX_SIZE = 30;

    /**
     * _PyDict_NewKeysForClass: a class's shared keys table (kind split, 64 slots, 42 entries of
     * which 30 usable), its one reference the class's. Its entries hold the keys only; the values
     * live in each instance's (or split dict's) values array.
     */
    public long newSharedKeys() {
        int log2Bytes = log2IndexBytes(SHARED_KEYS_LOG2_SIZE);
        long entriesBytes = 16L * usableFraction(1L << SHARED_KEYS_LOG2_SIZE);
        long k = heap.memAlloc(KEYS_HEADER + (1L << log2Bytes) + entriesBytes);
        Native.putLong(k + DK_REFCNT, 1);
        Native.putByte(k + DK_LOG2_SIZE, (byte) SHARED_KEYS_LOG2_SIZE);
        Native.putByte(k + DK_LOG2_INDEX_BYTES, (byte) log2Bytes);
        Native.putByte(k + DK_KIND, (byte) KIND_SPLIT);
        Native.putByte(k + 11, (byte) 0);
        Native.putInt(k + DK_VERSION, 0);
        Native.putLong(k + DK_USABLE, SHARED_KEYS_MAX_SIZE);
        Native.putLong(k + DK_NENTRIES, 0);
        Native.fill(k + DK_INDICES, 1L << log2Bytes, (byte) 0xff);
        Native.fill(k + DK_INDICES + (1L << log2Bytes), entriesBytes, (byte) 0);
        return k;
    }

    /** dk_usable of a keys table. */
    public static long keysUsable(long k) { return Native.getLong(k + DK_USABLE); }

    /** shared_keys_usable_size: dk_nentries + dk_usable (the slots a new values array gets). */
    public static long sharedKeysUsableSize(long k) { return nentries(k) + keysUsable(k); }

    /** init_inline_values' step: a new instance takes one usable place while more than one is left. */
    public static void takeUsablePlace(long k) {
        long u = keysUsable(k);
        if (u > 1) Native.putLong(k + DK_USABLE, u - 1);
    }

    /** The key of shared keys entry {@code ix} (borrowed). */
    public static long sharedKeyAt(long k, long ix) { return Native.getLong(entries(k) + 16 * ix); }

    /** dk_nentries of shared keys {@code k}. */
    public static long sharedKeysEntries(long k) { return nentries(k); }

    /**
     * insert_into_dictkeys: the entry index of str {@code key} in the shared keys {@code k}, added
     * (the table taking a reference) when absent and a usable place is left; -1 when it is full.
     */
    public long sharedKeysIndex(long k, long key) {
        long hash = heap.strs.hash(key);
        long ix = lookupInKeys(k, key, hash);
        if (ix >= 0) return ix;
        if (keysUsable(k) <= 0) return -1;
        heap.incref(key);
        return addSharedKey(k, key, hash);
    }

    /** Appends str {@code key} (reference stolen) to the shared keys {@code k}, which has a usable place: its entry index. */
    private static long addSharedKey(long k, long key, long hash) {
        long n = nentries(k);
        Native.putInt(k + DK_VERSION, 0);
        setIndex(k, findEmptySlot(k, hash), n);
        Native.putLong(entries(k) + 16 * n, key);
        Native.putLong(k + DK_USABLE, keysUsable(k) - 1);
        Native.putLong(k + DK_NENTRIES, n + 1);
        return n;
    }

    /** dictkeys_incref of a shared keys table. */
    public static void increfKeys(long k) { Native.putLong(k + DK_REFCNT, Native.getLong(k + DK_REFCNT) + 1); }

    /** dictkeys_decref of a shared keys table: at its last reference its keys are released and it is freed. */
    public void decrefKeys(long k) {
        long r = Native.getLong(k + DK_REFCNT) - 1;
        Native.putLong(k + DK_REFCNT, r);
        if (r > 0) return;
        if (sharedKeys != null) sharedKeys.freed(k);
        releaseKeys(k);
    }

    /**
     * make_dict_from_instance_attributes: a split dict over the shared keys {@code k} (a new
     * reference to them) that takes over the values array {@code v} (a dict from the free list;
     * tracked when a value may be).
     */
    public long fromInstanceValues(long k, long v) {
        increfKeys(k);
        long used = DictValues.orderCount(v);
        boolean track = false;
        long n = nentries(k);
        for (long i = 0; i < n && !track; i++) {
            long x = Native.getLong(DictValues.slot(v, i));
            if (x != 0 && heap.mayBeTracked(x)) track = true;
        }
        long d = create();
        Native.putLong(d + MA_KEYS, k);
        Native.putLong(d + MA_VALUES, v);
        Native.putLong(d + MA_USED, used);
        if (track) heap.track(d);
        return d;
    }

    /** new_dict_with_shared_keys: an empty split dict over {@code k} (a new reference), with a values array of its usable size. */
    public long newSplit(long k) {
        increfKeys(k);
        long v = DictValues.newValues(heap, sharedKeysUsableSize(k));
        long d = create();
        Native.putLong(d + MA_KEYS, k);
        Native.putLong(d + MA_VALUES, v);
        return d;
    }

    /**
     * popitem's conversion of a split dict to a combined one (dict_popitem_impl): dictresize to
     * the shared keys' size, the entries in the dict's order. Nothing for a combined dict.
     */
    public void combineSplit(long d) {
        if (!isSplit(d)) return;
        resize(d, log2Size(keys(d)), true);
    }

    /** A number that changes whenever any watched dict changes (or dies). */
    public long watchedVersion() { return watchedVersion; }

    private void noteChange(long d) {
        if (Native.getLong(d + MA_VERSION) != 0) watchedVersion++;
    }
    private static long keys(long d) { return Native.getLong(d + MA_KEYS); }

    /** ma_keys (what OrderedDict's od_resize_sentinel compares) and 1 << its dk_log2_size. */
    public static long keysTable(long d) { return keys(d); }
    public static long keysSize(long d) { return 1L << log2Size(keys(d)); }
    /** dk_nentries of d's keys table (the index a new key would get). */
    public static long keysEntries(long d) { return nentries(keys(d)); }
    private static int log2Size(long k) { return Native.getByte(k + DK_LOG2_SIZE); }
    private static int kind(long k) { return Native.getByte(k + DK_KIND); }
    private static long nentries(long k) { return Native.getLong(k + DK_NENTRIES); }
    private static int entrySize(long k) { return kind(k) != KIND_GENERAL ? 16 : 24; }
    private static long entries(long k) { return k + DK_INDICES + (1L << Native.getByte(k + DK_LOG2_INDEX_BYTES)); }

    // The three layout bytes of a keys table (log2 of its size, log2 of its index bytes, its kind)
    // are adjacent: the insertion and lookup loops read them as one int and keep them in locals
    // rather than reading a byte of native memory per step (start-up builds some 3,000 entries in
    // the bytecode interpreter, where each read is a chain of calls; compiled code cannot keep
    // them in registers across the stores itself).
    private static int layoutWord(long k) { return Native.getInt(k + DK_LOG2_SIZE); }
    private static int wordLog2Size(int w) { return w & 0xff; }
    private static boolean wordUnicode(int w) { return ((w >>> 16) & 0xff) != KIND_GENERAL; }
    private static long wordEntries(long k, int w) { return k + DK_INDICES + (1L << ((w >>> 8) & 0xff)); }

    /** The index table's slot {@code i} of a table with 2**log2 slots. */
    private static long indexAt(long base, int log2, long i) {
        if (log2 < 8) return Native.getByte(base + i);
        if (log2 < 16) return Native.getShort(base + 2 * i);
        if (log2 < 32) return Native.getInt(base + 4 * i);
        return Native.getLong(base + 8 * i);
    }

    private static void putIndexAt(long base, int log2, long i, long ix) {
        if (log2 < 8) Native.putByte(base + i, (byte) ix);
        else if (log2 < 16) Native.putShort(base + 2 * i, (short) ix);
        else if (log2 < 32) Native.putInt(base + 4 * i, (int) ix);
        else Native.putLong(base + 8 * i, ix);
    }

    /** The first empty slot of the probe sequence of {@code hash} (find_empty_slot). */
    private static long emptySlot(long base, int log2, long hash) {
        long mask = (1L << log2) - 1;
        long i = hash & mask;
        long perturb = hash;
        while (indexAt(base, log2, i) != DKIX_EMPTY) {
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        return i;
    }

    private static long getIndex(long k, long i) { return indexAt(k + DK_INDICES, log2Size(k), i); }

    private static void setIndex(long k, long i, long ix) { putIndexAt(k + DK_INDICES, log2Size(k), i, ix); }

    /** Entry {@code ix}'s key, value and (general kind) hash addresses. */
    private static long entry(long k, long ix) { return entries(k) + ix * entrySize(k); }
    private static long entryKey(long k, long e) { return Native.getLong(e + (kind(k) != KIND_GENERAL ? 0 : 8)); }
    private static long entryValue(long k, long e) { return Native.getLong(e + (kind(k) != KIND_GENERAL ? 8 : 16)); }

    private long entryHash(long k, long e) {
        return kind(k) != KIND_GENERAL ? heap.strs.hash(Native.getLong(e)) : Native.getLong(e);
    }

    /** PyObject_Hash of a key: an exact str's own hash without the type's dispatch (its cached hash first). */
    private long hashOf(long key) {
        return Heap.typeAddress(key) == heap.strs.address() ? heap.strs.hash(key) : heap.hash(key);
    }

    private static int usableFraction(long n) { return (int) ((n << 1) / 3); }

    private static int log2IndexBytes(int log2Size) {
        if (log2Size < 8) return log2Size;
        if (log2Size < 16) return log2Size + 1;
        if (log2Size < 32) return log2Size + 2;
        return log2Size + 3;
    }

    /** calculate_log2_keysize: the smallest table (at least 8 slots) with {@code minsize} slots. */
    static int log2KeysizeFor(long minsize) {
        long m = (minsize | 8) - 1;
        return 64 - Long.numberOfLeadingZeros(m | 7);
    }

    private long newKeys(int log2Size, boolean unicode) {
        int usable = usableFraction(1L << log2Size);
        int log2Bytes = log2IndexBytes(log2Size);
        int entrySize = unicode ? 16 : 24;
        long k;
        if (log2Size == LOG_MINSIZE && unicode && keysNumFree > 0) {
            k = keysFreeList[--keysNumFree];
        } else {
            k = heap.memAlloc(KEYS_HEADER + (1L << log2Bytes) + (long) entrySize * usable);
        }
        Native.putLong(k + DK_REFCNT, 1);
        Native.putByte(k + DK_LOG2_SIZE, (byte) log2Size);
        Native.putByte(k + DK_LOG2_INDEX_BYTES, (byte) log2Bytes);
        Native.putByte(k + DK_KIND, (byte) (unicode ? KIND_UNICODE : KIND_GENERAL));
        Native.putByte(k + 11, (byte) 0);
        Native.putInt(k + DK_VERSION, 0);
        Native.putLong(k + DK_USABLE, usable);
        Native.putLong(k + DK_NENTRIES, 0);
        if (log2Size == LOG_MINSIZE) {
            // the first table of nearly every dict: its 8 index bytes one word, its 5 entries a few words
            Native.putLong(k + DK_INDICES, -1L);
            Native.zeroWords(k + DK_INDICES + 8, (long) entrySize * usable / 8);
            return k;
        }
        Native.fill(k + DK_INDICES, 1L << log2Bytes, (byte) 0xff);
        Native.fill(k + DK_INDICES + (1L << log2Bytes), (long) entrySize * usable, (byte) 0);
        return k;
    }

    /** Frees a keys table's memory (no decrefs): to the keys free list if it is an 8-slot unicode table. */
    private void freeKeysMemory(long k) {
        if (log2Size(k) == LOG_MINSIZE && kind(k) == KIND_UNICODE && keysNumFree < MAX_FREE) {
            keysFreeList[keysNumFree++] = k;
            return;
        }
        heap.memFree(k);
    }

    /** dictkeys_decref for an unshared table: releases each entry's key then value, then the memory. */
    private void releaseKeys(long k) {
        if (k == emptyKeys) return;
        long n = nentries(k);
        // the layout, read once: entries of 16 bytes {key, value} or 24 bytes {hash, key, value}
        boolean unicode = kind(k) != KIND_GENERAL;
        int size = unicode ? 16 : 24, keyAt = unicode ? 0 : 8;
        long e = entries(k);
        for (long ix = 0; ix < n; ix++, e += size) {
            heap.xdecref(Native.getLong(e + keyAt));
            heap.xdecref(Native.getLong(e + keyAt + 8));
        }
        freeKeysMemory(k);
    }

    // ---- lookup ---------------------------------------------------------------------------------

    /**
     * _Py_dict_lookup: the entry index of {@code key} (with hash {@code hash}) in d's table as it is
     * when this returns, or -1. Each stored key compared by an equality that may run Python code is
     * held across the comparison; if the comparison replaced d's table or that entry's key, the
     * search starts again on d's current table (DKIX_KEY_CHANGED). Callers read {@code keys(d)} after.
     */
    private long lookup(long d, long key, long hash) {
        boolean keyIsStr = Heap.typeAddress(key) == heap.strs.address();
        restart:
        while (true) {
            long k = keys(d);
            int w = layoutWord(k), log2 = wordLog2Size(w);
            long base = k + DK_INDICES, entries = wordEntries(k, w);
            long mask = (1L << log2) - 1;
            long i = hash & mask;
            long perturb = hash;
            boolean unicode = wordUnicode(w);
            int size = unicode ? 16 : 24, keyAt = unicode ? 0 : 8;
            while (true) {
                long ix = indexAt(base, log2, i);
                if (ix == DKIX_EMPTY) return -1;
                if (ix >= 0) {
                    long e = entries + ix * size;
                    long ek = Native.getLong(e + keyAt);
                    if (ek == key) return ix;
                    if (unicode && keyIsStr) {  // two exact strs: compared without running Python code
                        if (heap.strs.hash(ek) == hash && heap.strs.equals(ek, key)) return ix;
                    } else if ((unicode ? heap.strs.hash(ek) : Native.getLong(e)) == hash) {
                        boolean same = heap.equalHeld(ek, key);
                        if (keys(d) != k || Native.getLong(e + keyAt) != ek) continue restart;
                        if (same) return ix;
                    }
                }
                perturb >>>= PERTURB_SHIFT;
                i = (i * 5 + perturb + 1) & mask;
            }
        }
    }

    /** unicodekeys_lookup_unicode: the entry index of exact str {@code key} in keys table {@code k} (a unicode layout), or -1. */
    private long lookupInKeys(long k, long key, long hash) {
        long mask = (1L << log2Size(k)) - 1;
        long i = hash & mask;
        long perturb = hash;
        long entries = entries(k);
        while (true) {
            long ix = getIndex(k, i);
            if (ix == DKIX_EMPTY) return -1;
            if (ix >= 0) {
                long ek = Native.getLong(entries + 16 * ix);
                if (ek == key || (heap.strs.hash(ek) == hash && heap.strs.equals(ek, key))) return ix;
            }
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }

    /** The value of entry {@code ix} (found by a lookup) of d, whose keys are {@code k}: from the values array of a split dict. */
    private static long valueOf(long d, long k, long ix) {
        long v = values(d);
        return v != 0 ? Native.getLong(DictValues.slot(v, ix)) : entryValue(k, entry(k, ix));
    }

    /** The slot where {@code ix} is stored in the index table. */
    private static long slotOf(long k, long hash, long ix) {
        long mask = (1L << log2Size(k)) - 1;
        long i = hash & mask;
        long perturb = hash;
        while (getIndex(k, i) != ix) {
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        return i;
    }

    private static long findEmptySlot(long k, long hash) { return emptySlot(k + DK_INDICES, log2Size(k), hash); }

    /** Borrowed reference to d[key], or 0 if absent. */
    public long getItem(long d, long key) {
        long hash = hashOf(key);  // hashed first, so an unhashable key fails even on an empty dict
        long ix = lookup(d, key, hash);
        if (ix < 0) return 0;
        return valueOf(d, keys(d), ix);
    }

    /**
     * Borrowed reference to d[s] for a Java string key, or 0. Allocates nothing: the key is
     * hashed and compared as the str it stands for (only str keys can equal it).
     */
    public long getItem(long d, String key) {
        long k = keys(d);
        if (k == emptyKeys) return 0;
        long hash = StrType.hashOf(key);
        long mask = (1L << log2Size(k)) - 1;
        long i = hash & mask;
        long perturb = hash;
        boolean unicode = kind(k) != KIND_GENERAL;
        long strType = heap.strs.address();
        while (true) {
            long ix = getIndex(k, i);
            if (ix == DKIX_EMPTY) return 0;
            if (ix >= 0) {
                long e = entry(k, ix);
                long ek = entryKey(k, e);
                if (Heap.typeAddress(ek) == strType && (unicode ? heap.strs.hash(ek) : Native.getLong(e)) == hash
                        && StrType.contentEquals(ek, key)) {
                    return valueOf(d, k, ix);
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }

    public boolean contains(long d, long key) { return getItem(d, key) != 0; }

    /** _PyDict_GetItem_KnownHash: borrowed d[key] for a key whose hash the caller computed once, or 0. */
    public long getItemKnownHash(long d, long key, long hash) {
        long ix = lookup(d, key, hash);
        if (ix < 0) return 0;
        return valueOf(d, keys(d), ix);
    }

    /** _PyDict_SetItem_KnownHash: d[key] = value with key's hash given; key and value are incref'd. */
    public void setItemKnownHash(long d, long key, long hash, long value) {
        heap.incref(key);
        heap.incref(value);
        insert(d, key, hash, value);
    }

    /**
     * _PyDict_Pop_KnownHash: removes key (hash given) and returns its value, the dict's reference
     * now the caller's; 0 when absent. The key's reference is released.
     */
    public long popKnownHash(long d, long key, long hash) {
        long ix = lookup(d, key, hash);
        if (ix < 0) return 0;
        long k = keys(d);
        long sv = values(d);
        if (sv != 0) {
            // delitem_common on a split table: the value slot emptied and taken out of the order; the shared keys keep the key
            long old = Native.getLong(DictValues.slot(sv, ix));
            if (old == 0) return 0;
            noteChange(d);
            Native.putLong(DictValues.slot(sv, ix), 0);
            DictValues.removeOrder(sv, ix);
            Native.putLong(d + MA_USED, size(d) - 1);
            return old;
        }
        noteChange(d);
        setIndex(k, slotOf(k, hash, ix), DKIX_DUMMY);
        long e = entry(k, ix);
        long oldKey = entryKey(k, e);
        long oldValue = entryValue(k, e);
        Native.fill(e, entrySize(k), (byte) 0);
        Native.putLong(d + MA_USED, size(d) - 1);
        Native.putInt(k + DK_VERSION, 0);
        heap.decref(oldKey);
        return oldValue;
    }

    /**
     * dict_popitem_impl's removal of the last item of a non-empty dict (a split one combined first):
     * the last live entry emptied, its index slot made a dummy, and dk_nentries cut back to it (the
     * next key takes that entry again; dk_usable stays, the dummy holds its place). Returns {key,
     * value}, the dict's references now the caller's. No key's {@code __eq__} runs.
     */
    public long[] popLast(long d) {
        combineSplit(d);
        long k = keys(d);
        Native.putInt(k + DK_VERSION, 0);
        long i = nentries(k) - 1;
        while (i >= 0 && entryValue(k, entry(k, i)) == 0) i--;
        if (i < 0) throw new IllegalStateException("popitem of an empty dict");
        long e = entry(k, i);
        long key = entryKey(k, e), value = entryValue(k, e), hash = entryHash(k, e);
        Native.fill(e, entrySize(k), (byte) 0);
        if (kind(k) == KIND_GENERAL) Native.putLong(e, -1);  // me_hash = -1
        setIndex(k, slotOf(k, hash, i), DKIX_DUMMY);
        Native.putLong(k + DK_NENTRIES, i);
        Native.putLong(d + MA_USED, size(d) - 1);
        noteChange(d);
        return new long[] {key, value};
    }

    // ---- insertion and deletion -------------------------------------------------------------------

    /** d[key] = value; key and value are incref'd (PyDict_SetItem). */
    public void setItem(long d, long key, long value) {
        long hash = hashOf(key);
        heap.incref(key);
        heap.incref(value);
        insert(d, key, hash, value);
    }

    /** d[s] = value for a Java string key: PyDict_SetItemString, which interns the key. */
    public void setItem(long d, String key, long value) {
        long s = heap.strs.internedOf(key);
        setItem(d, s, value);
        heap.decref(s);
    }

    /**
     * PyDict_SetDefault with key's hash given: d[key] when present (borrowed), else {@code dflt}
     * inserted and returned (borrowed: the dict's reference); one lookup either way, so key's
     * __eq__ runs once at most.
     */
    public long setDefaultKnownHash(long d, long key, long hash, long dflt) {
        heap.incref(key);
        heap.incref(dflt);
        long existing = insert(d, key, hash, dflt, true);
        return existing != 0 ? existing : dflt;
    }

    /** insertdict: steals the references to key and value. */
    private void insert(long d, long key, long hash, long value) { insert(d, key, hash, value, false); }

    /**
     * insertdict, or with {@code keep} setdefault's insertion: a key found keeps its value, which is
     * returned (borrowed) while key and value are released. Returns 0 otherwise.
     */
    private long insert(long d, long key, long hash, long value, boolean keep) {
        noteChange(d);
        long k = keys(d);
        boolean keyIsStr = Heap.typeAddress(key) == heap.strs.address();
        if (isSplit(d)) {
            // insertdict on a split table: a str key stays in it; any other key combines it first
            // into a general table (insertion_resize(mp, 0))
            if (keyIsStr) return insertSplit(d, key, hash, value, keep);
            resize(d, log2KeysizeFor(3 * size(d)), false);
            k = keys(d);
        }
        if (k == emptyKeys) {
            insertToEmpty(d, key, hash, value, keyIsStr);
            return 0;
        }
        if (kind(k) != KIND_GENERAL && !keyIsStr) {
            resize(d, log2KeysizeFor(3 * size(d)), false);
            k = keys(d);
        }
        long ix = lookup(d, key, hash);
        k = keys(d);  // a comparison's __eq__ may have changed d's table
        if (ix < 0 && k == emptyKeys) {  // ... or emptied d
            insertToEmpty(d, key, hash, value, keyIsStr);
            return 0;
        }
        if (ix < 0 && kind(k) != KIND_GENERAL && !keyIsStr) {
            resize(d, log2KeysizeFor(3 * size(d)), false);
            k = keys(d);
        }
        if (ix >= 0 && keep) {
            long found = entryValue(k, entry(k, ix));
            heap.decref(value);
            heap.decref(key);
            return found;
        }
        maintainTracking(d, key, value);
        if (ix < 0) {
            if (Native.getLong(k + DK_USABLE) <= 0) {
                resize(d, log2KeysizeFor(3 * size(d)), kind(k) != KIND_GENERAL);
                k = keys(d);
            }
            int w = layoutWord(k), log2 = wordLog2Size(w);
            long base = k + DK_INDICES;
            long slot = emptySlot(base, log2, hash);
            long n = nentries(k);
            Native.putInt(k + DK_VERSION, 0);  // a new key: the keys' version is spent
            putIndexAt(base, log2, slot, n);
            putEntry(wordEntries(k, w), wordUnicode(w), n, key, hash, value);
            Native.putLong(d + MA_USED, size(d) + 1);
            Native.putLong(k + DK_USABLE, Native.getLong(k + DK_USABLE) - 1);
            Native.putLong(k + DK_NENTRIES, n + 1);
            return 0;
        }
        long e = entry(k, ix);
        long old = entryValue(k, e);
        Native.putLong(e + (kind(k) != KIND_GENERAL ? 8 : 16), value);
        heap.decref(old);
        heap.decref(key);
        return 0;
    }

    /**
     * insertdict for an exact str key into a split dict: a key of the shared keys sets its value
     * slot (appended to the order when it was empty); a new key joins the shared keys while they
     * have a usable place (the keys table taking the key's reference), else the dict becomes
     * combined, a unicode table for 3 * used (insertion_resize), and the key goes in there.
     */
    private long insertSplit(long d, long key, long hash, long value, boolean keep) {
        long k = keys(d), v = values(d);
        long ix = lookupInKeys(k, key, hash);
        if (ix >= 0) {
            long at = DictValues.slot(v, ix);
            long old = Native.getLong(at);
            if (old != 0 && keep) {
                heap.decref(value);
                heap.decref(key);
                return old;
            }
            maintainTracking(d, key, value);
            Native.putLong(at, value);
            if (old == 0) {
                DictValues.appendOrder(v, ix);
                Native.putLong(d + MA_USED, size(d) + 1);
            } else {
                heap.decref(old);
            }
            heap.decref(key);
            return 0;
        }
        if (keysUsable(k) <= 0) {
            resize(d, log2KeysizeFor(3 * size(d)), true);
            return insert(d, key, hash, value, keep);
        }
        maintainTracking(d, key, value);
        long n = addSharedKey(k, key, hash);
        Native.putLong(DictValues.slot(v, n), value);
        DictValues.appendOrder(v, n);
        Native.putLong(d + MA_USED, size(d) + 1);
        if (sharedKeys != null) sharedKeys.keyAdded(k, key, n);
        return 0;
    }

    private void insertToEmpty(long d, long key, long hash, long value, boolean unicode) {
        long k = newKeys(LOG_MINSIZE, unicode);
        Native.putLong(d + MA_KEYS, k);
        maintainTracking(d, key, value);
        long slot = hash & ((1L << LOG_MINSIZE) - 1);
        setIndex(k, slot, 0);
        writeEntry(k, 0, key, hash, value);
        Native.putLong(d + MA_USED, 1);
        Native.putLong(k + DK_USABLE, Native.getLong(k + DK_USABLE) - 1);
        Native.putLong(k + DK_NENTRIES, 1);
    }

    private static void writeEntry(long k, long ix, long key, long hash, long value) {
        int w = layoutWord(k);
        putEntry(wordEntries(k, w), wordUnicode(w), ix, key, hash, value);
    }

    /** Writes entry {@code ix} of the entry table at {@code entries}. */
    private static void putEntry(long entries, boolean unicode, long ix, long key, long hash, long value) {
        if (unicode) {
            long e = entries + ix * 16;
            Native.putLong(e, key);
            Native.putLong(e + 8, value);
        } else {
            long e = entries + ix * 24;
            Native.putLong(e, hash);
            Native.putLong(e + 8, key);
            Native.putLong(e + 16, value);
        }
    }

    private void maintainTracking(long d, long key, long value) {
        if (!Heap.isTracked(d) && (heap.mayBeTracked(key) || heap.mayBeTracked(value))) heap.track(d);
    }

    /** dictresize: a new table of 2**log2 slots holding the live entries in order; the old one is freed. */
    private void resize(long d, int log2, boolean unicode) {
        long old = keys(d);
        if (kind(old) == KIND_GENERAL) unicode = false;
        long k = newKeys(log2, unicode);
        Native.putLong(d + MA_KEYS, k);
        long sv = values(d);
        if (sv != 0) {
            // a split table combined: its entries in the values' order, each key with a new
            // reference; then the shared keys released and the values array freed
            long n = DictValues.orderCount(sv);
            int nw = layoutWord(k), nlog2 = wordLog2Size(nw);
            long ne = wordEntries(k, nw), base = k + DK_INDICES;
            for (long j = 0; j < n; j++) {
                long i = DictValues.orderAt(sv, j);
                long key = sharedKeyAt(old, i);
                long hash = heap.strs.hash(key);
                heap.incref(key);
                putEntry(ne, unicode, j, key, hash, Native.getLong(DictValues.slot(sv, i)));
                putIndexAt(base, nlog2, emptySlot(base, nlog2, hash), j);
            }
            Native.putLong(k + DK_USABLE, Native.getLong(k + DK_USABLE) - n);
            Native.putLong(k + DK_NENTRIES, n);
            Native.putLong(d + MA_VALUES, 0);
            decrefKeys(old);
            DictValues.free(heap, sv);
            return;
        }
        long n = nentries(old);
        long j = 0;
        // both tables' layouts, read once (see layoutWord)
        int ow = layoutWord(old), nw = layoutWord(k), nlog2 = wordLog2Size(nw);
        boolean oldUnicode = wordUnicode(ow), newUnicode = wordUnicode(nw);
        long oe = wordEntries(old, ow), ne = wordEntries(k, nw), base = k + DK_INDICES;
        int osize = oldUnicode ? 16 : 24, keyAt = oldUnicode ? 0 : 8;
        for (long ix = 0; ix < n; ix++, oe += osize) {
            long value = Native.getLong(oe + keyAt + 8);
            if (value == 0) continue;
            long key = Native.getLong(oe + keyAt);
            long hash = oldUnicode ? heap.strs.hash(key) : Native.getLong(oe);
            putEntry(ne, newUnicode, j, key, hash, value);
            putIndexAt(base, nlog2, emptySlot(base, nlog2, hash), j);
            j++;
        }
        if (old != emptyKeys) freeKeysMemory(old);
        Native.putLong(k + DK_USABLE, Native.getLong(k + DK_USABLE) - j);
        Native.putLong(k + DK_NENTRIES, j);
    }

    /** estimate_log2_keysize: the table for {@code n} items with room to grow (calculate_log2_keysize((3n + 1) / 2)). */
    static int estimateLog2Keysize(long n) { return log2KeysizeFor((n * 3 + 1) / 2); }

    /** PyObject_Hash of a key as a dict hashes it: an exact str's cached hash without dispatch. */
    public long keyHash(long key) { return hashOf(key); }

    /**
     * dict_merge with override 1 from {@code other}, a dict whose iteration is dict's own (its
     * table is read directly): nothing for itself or an empty one; into an empty combined dict a
     * clean, just-grown combined table is cloned (clone_combined_dict_keys: same size, same
     * slots); otherwise one resize up front when the target's usable room is below other's size
     * (estimate_log2_keysize of both sizes, other's key kind), then each entry inserted with its
     * stored hash: no key's __hash__ runs. RuntimeError when other changes meanwhile.
     */
    public void updateFromDict(long d, long other) {
        long n = size(other);
        if (other == d || n == 0) return;
        long ok = keys(other);
        if (size(d) == 0 && !isSplit(other) && n == nentries(ok)
                && (log2Size(ok) == LOG_MINSIZE || usableFraction((1L << log2Size(ok)) / 2) < n)) {
            cloneInto(d, other);
            return;
        }
        long dk = keys(d);
        if (usableFraction(dk == emptyKeys ? 1 : 1L << log2Size(dk)) < n) {
            resize(d, estimateLog2Keysize(size(d) + n), kind(ok) != KIND_GENERAL);
        }
        long orig = nentries(ok);
        for (long ix = nextEntry(other, 0); ix >= 0; ix = nextEntry(other, ix + 1)) {
            long key = entryKeyAt(other, ix), value = entryValueAt(other, ix), hash = entryHashAt(other, ix);
            heap.incref(key);
            heap.incref(value);
            try {
                setItemKnownHash(d, key, hash, value);
            } finally {
                heap.decref(key);
                heap.decref(value);
            }
            if (nentries(keys(other)) != orig) throw new PyError("RuntimeError", "dict mutated during update");
        }
    }

    /**
     * PyDict_Copy of a dict whose iteration is dict's own: a new exact dict; a combined table at
     * most a third empty is cloned (its size, slots and holes kept), any other goes through
     * {@link #updateFromDict} (compacted). The copy is tracked when the original is.
     */
    public long copy(long o) {
        long sv = values(o);
        if (sv != 0 && size(o) != 0) {
            // a split dict's copy is split too (PyDict_Copy): a values array of the shared keys'
            // usable size now, then a new dict object (not from the free list) over the same keys,
            // the order bytes and the values copied; tracked when the original is
            long k = keys(o);
            long size = sharedKeysUsableSize(k);
            long nv = DictValues.newValues(heap, size);
            long r = create(false);
            int prefix = DictValues.prefixSize(nv);
            Native.copy(sv - prefix, nv - prefix, prefix - 1);
            for (long i = 0; i < size; i++) {
                long x = Native.getLong(DictValues.slot(sv, i));
                if (x != 0) heap.incref(x);
                Native.putLong(DictValues.slot(nv, i), x);
            }
            increfKeys(k);
            Native.putLong(r + MA_KEYS, k);
            Native.putLong(r + MA_VALUES, nv);
            Native.putLong(r + MA_USED, size(o));
            if (Heap.isTracked(o)) heap.track(r);
            return r;
        }
        long r = create();
        if (size(o) == 0) return r;
        if (!isSplit(o) && size(o) >= nentries(keys(o)) * 2 / 3) cloneInto(r, o);
        else updateFromDict(r, o);
        return r;
    }

    /** clone_combined_dict_keys into the empty dict d (its old table released): other's table copied whole, keys and values increfed. */
    private void cloneInto(long d, long other) {
        long ok = keys(other);
        long bytes = KEYS_HEADER + (1L << log2IndexBytes(log2Size(ok))) + (long) (kind(ok) != KIND_GENERAL ? 16 : 24) * usableFraction(1L << log2Size(ok));
        long k = heap.memAlloc(bytes);
        Native.copy(ok, k, bytes);
        Native.putLong(k + DK_REFCNT, 1);
        long n = nentries(k);
        for (long ix = 0; ix < n; ix++) {
            long e = entry(k, ix);
            long v = entryValue(k, e);
            if (v != 0) {
                heap.incref(v);
                heap.incref(entryKey(k, e));
            }
        }
        noteChange(d);
        long old = keys(d);
        long sv = values(d);
        Native.putLong(d + MA_KEYS, k);
        Native.putLong(d + MA_USED, size(other));
        if (sv != 0) {
            // an empty split target (an instance's __dict__) gives up its shared keys and values array
            Native.putLong(d + MA_VALUES, 0);
            decrefKeys(old);
            DictValues.free(heap, sv);
        } else {
            releaseKeys(old);
        }
        if (Heap.isTracked(other) && !Heap.isTracked(d)) heap.track(d);
    }

    /**
     * _PyDict_FromKeys' fast path for an exact dict {@code iterable} into the new empty exact dict
     * d: one resize for its size (its key kind), then each key inserted with its stored hash and
     * {@code value}.
     */
    public void fromKeysOfDict(long d, long iterable, long value) {
        resize(d, estimateLog2Keysize(size(iterable)), kind(keys(iterable)) != KIND_GENERAL);
        for (long ix = nextEntry(iterable, 0); ix >= 0; ix = nextEntry(iterable, ix + 1)) {
            setItemKnownHash(d, entryKeyAt(iterable, ix), entryHashAt(iterable, ix), value);
        }
    }

    /**
     * _PyDict_FromKeys of an exact set or frozenset into the empty dict {@code d}: one resize for
     * its size (a general table), then each key with the hash the set stored (no __hash__ call).
     */
    public void fromKeysOfSet(long d, long set, SetType sets, long value) {
        resize(d, estimateLog2Keysize(SetType.size(set)), false);
        for (long i = sets.nextSlot(set, 0); i >= 0; i = sets.nextSlot(set, i + 1)) {
            setItemKnownHash(d, SetType.keyAt(set, i), SetType.hashAt(set, i), value);
        }
    }

    /** del d[key]; returns false if the key was absent. */
    public boolean delItem(long d, long key) {
        long old = popKnownHash(d, key, hashOf(key));
        if (old == 0) return false;
        heap.decref(old);
        return true;
    }

    /** PyDict_Clear: the dict takes the empty keys first, then the old entries are released. */
    public void clearDict(long d) {
        long old = keys(d);
        if (old == emptyKeys) return;
        noteChange(d);
        long sv = values(d);
        Native.putLong(d + MA_KEYS, emptyKeys);
        Native.putLong(d + MA_VALUES, 0);
        Native.putLong(d + MA_USED, 0);
        if (sv != 0) {
            releaseValues(old, sv);
            decrefKeys(old);
        } else {
            releaseKeys(old);
        }
    }

    /** A split dict's values released (by slot, up to the shared keys' entries) and the array freed. */
    private void releaseValues(long k, long sv) {
        long n = nentries(k);
        for (long i = 0; i < n; i++) {
            long at = DictValues.slot(sv, i);
            long x = Native.getLong(at);
            if (x != 0) {
                Native.putLong(at, 0);
                heap.decref(x);
            }
        }
        DictValues.free(heap, sv);
    }

    // ---- iteration ---------------------------------------------------------------------------------

    /** Receives one live entry: borrowed key and value. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(long key, long value);
    }

    /** Visits the live entries in insertion order. The dict must not change meanwhile. */
    public void forEach(long d, EntryVisitor visitor) {
        long sv = values(d);
        if (sv != 0) {
            long k = keys(d);
            for (long j = 0; j < size(d); j++) {
                long i = DictValues.orderAt(sv, j);
                visitor.visit(sharedKeyAt(k, i), Native.getLong(DictValues.slot(sv, i)));
            }
            return;
        }
        long k = keys(d);
        long n = nentries(k);
        for (long ix = 0; ix < n; ix++) {
            long e = entry(k, ix);
            long v = entryValue(k, e);
            if (v != 0) visitor.visit(entryKey(k, e), v);
        }
    }

    /** Position-based iteration (like PyDict_Next): the next live entry index at or after {@code pos}, or -1. */
    public static long nextEntry(long d, long pos) {
        if (isSplit(d)) return pos < size(d) ? pos : -1;  // a split dict's positions are its order's
        long k = keys(d);
        long n = nentries(k);
        for (long ix = pos; ix < n; ix++) {
            if (entryValue(k, entry(k, ix)) != 0) return ix;
        }
        return -1;
    }

    /** The index of the last entry at or before {@code pos} that holds a value (pos past the end: from the last), or -1. */
    public static long prevEntry(long d, long pos) {
        if (isSplit(d)) return Math.min(pos, size(d) - 1);
        long k = keys(d);
        for (long ix = Math.min(pos, nentries(k) - 1); ix >= 0; ix--) {
            if (entryValue(k, entry(k, ix)) != 0) return ix;
        }
        return -1;
    }

    public static long entryKeyAt(long d, long ix) {
        long k = keys(d), sv = values(d);
        return sv != 0 ? sharedKeyAt(k, DictValues.orderAt(sv, ix)) : entryKey(k, entry(k, ix));
    }
    /** The native address of entry {@code ix}'s value slot in d's current keys table (it moves only with a new table). */
    public static long entryValueAddressAt(long d, long ix) {
        long sv = values(d);
        if (sv != 0) return DictValues.slot(sv, DictValues.orderAt(sv, ix));
        long k = keys(d);
        return entry(k, ix) + (kind(k) != KIND_GENERAL ? 8 : 16);
    }

    public static long entryValueAt(long d, long ix) {
        long k = keys(d), sv = values(d);
        return sv != 0 ? Native.getLong(DictValues.slot(sv, DictValues.orderAt(sv, ix))) : entryValue(k, entry(k, ix));
    }
    /** Entry {@code ix}'s hash (a unicode table's key: the str's cached hash). */
    public long entryHashAt(long d, long ix) {
        if (isSplit(d)) return heap.strs.hash(entryKeyAt(d, ix));
        long k = keys(d);
        return entryHash(k, entry(k, ix));
    }

    // ---- slots ---------------------------------------------------------------------------------

    @Override
    public void traverse(long o, LongConsumer visit) {
        long k = keys(o);
        long n = nentries(k);
        long sv = values(o);
        if (sv != 0) {  // dict_traverse: a split table's values by slot, up to the shared keys' entries
            for (long i = 0; i < n; i++) {
                long v = Native.getLong(DictValues.slot(sv, i));
                if (v != 0) visit.accept(v);
            }
            return;
        }
        long e = entries(k);
        if (kind(k) != KIND_GENERAL) {
            for (long ix = 0; ix < n; ix++, e += 16) {
                long v = Native.getLong(e + 8);
                if (v != 0) visit.accept(v);
            }
        } else {
            for (long ix = 0; ix < n; ix++, e += 24) {
                long v = Native.getLong(e + 16);
                if (v != 0) {
                    visit.accept(v);
                    visit.accept(Native.getLong(e + 8));
                }
            }
        }
    }

    @Override
    public void references(long o, LongConsumer visit) {
        if (isSplit(o)) {  // the keys are the shared keys' references (their holder reports them), the values the dict's
            forEach(o, (key, value) -> visit.accept(value));
            return;
        }
        forEach(o, (key, value) -> {
            visit.accept(key);
            visit.accept(value);
        });
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) { clearDict(o); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        noteChange(o);
        long sv = values(o);
        if (sv != 0) {
            long k = keys(o);
            releaseValues(k, sv);
            decrefKeys(k);
        } else {
            releaseKeys(keys(o));
        }
        boolean exact = Heap.typeAddress(o) == address();
        if (numFree < MAX_FREE && exact) {
            heap.parkedOnFreeList(o, this);
            freeList[numFree++] = o;
            return;
        }
        if (exact) heap.freeObjectMemory(o, this);  // freeObject without looking the type up again
        else heap.freeObject(o);
    }

    /** _PyDict_MaybeUntrack's test: no value, and for general tables no key, may be tracked. */
    public boolean contentsAllUntracked(long o) {
        if (isSplit(o)) {
            for (long j = 0; j < size(o); j++) if (heap.mayBeTracked(entryValueAt(o, j))) return false;
            return true;
        }
        long k = keys(o);
        long n = nentries(k);
        boolean general = kind(k) == KIND_GENERAL;
        for (long ix = 0; ix < n; ix++) {
            long e = entry(k, ix);
            long v = entryValue(k, e);
            if (v == 0) continue;
            if (heap.mayBeTracked(v)) return false;
            if (general && heap.mayBeTracked(entryKey(k, e))) return false;
        }
        return true;
    }

    /**
     * {@link #contentsAllUntracked} asked while a collection's untrack_tuples is under way: 1 if
     * every value (and key, for general tables) is untracked now, 0 if one is a GC object that is
     * not an exact tuple (the dict stays tracked whatever happens to tuples), 2 if only tracked
     * exact tuples stand in the way (they may still be untracked).
     */
    public int untrackVerdict(long o) {
        if (isSplit(o)) {
            int verdict = 1;
            for (long j = 0; j < size(o); j++) {
                int c = contentVerdict(entryValueAt(o, j));
                if (c == 0) return 0;
                verdict = Math.max(verdict, c);
            }
            return verdict;
        }
        long k = keys(o);
        long n = nentries(k);
        boolean general = kind(k) == KIND_GENERAL;
        int verdict = 1;
        for (long ix = 0; ix < n; ix++) {
            long e = entry(k, ix);
            long v = entryValue(k, e);
            if (v == 0) continue;
            int c = contentVerdict(v);
            if (c == 0) return 0;
            if (general) {
                int ck = contentVerdict(entryKey(k, e));
                if (ck == 0) return 0;
                c = Math.max(c, ck);
            }
            verdict = Math.max(verdict, c);
        }
        return verdict;
    }

    private int contentVerdict(long x) {
        if (!heap.isGcObject(x)) return 1;
        if (Heap.typeAddress(x) != heap.tuples.address()) return 0;
        return Heap.isTracked(x) ? 2 : 1;
    }

    void clearFreeList() {
        while (numFree > 0) heap.freeObjectMemory(freeList[--numFree], this);
        while (keysNumFree > 0) heap.memFree(keysFreeList[--keysNumFree]);
    }

    public int freeCount() { return numFree; }

    void appendFreeListStats(StringBuilder out) {
        MallocStats.freeListLine(out, numFree + " free PyDictObjects * 48 bytes each", numFree * 48L);
    }

    /** _PyDict_SizeOf: the object, plus its keys table when the dict owns one. */
    @Override
    public long sizeOf(long o) {
        long k = keys(o);
        long size = basicSize();
        if (isSplit(o)) size += 8 * sharedKeysUsableSize(k);
        // a split dict's shared keys are the class's (counted by type.__sizeof__) unless it holds their last reference
        if (k != emptyKeys && Native.getLong(k + DK_REFCNT) == 1) {
            int log2 = log2Size(k);
            size += KEYS_HEADER + (1L << Native.getByte(k + DK_LOG2_INDEX_BYTES))
                    + (long) usableFraction(1L << log2) * entrySize(k);
        }
        return size;
    }

    @Override
    public long hash(long o) { throw new PyError("TypeError", "unhashable type: 'dict'"); }

    @Override
    public boolean equals(long a, long b) {
        if (a == b) return true;
        if (Heap.typeAddress(b) != address()) return false;
        return contentsEqual(a, b);
    }

    /** dict_equal: the same keys with equal values; {@code a} and {@code b} have dict's layout (either may be a subclass instance). */
    public boolean contentsEqual(long a, long b) {
        if (a == b) return true;
        if (size(a) != size(b)) return false;
        // dict_equal: each key of a looked up in b with the hash a stored (no __hash__ call), then the values compared
        for (long ix = 0; ix < nentries(keys(a)); ix++) {
            long k = keys(a), e = entry(k, ix);
            long value = valueOf(a, k, ix);
            if (value == 0) continue;
            long key = entryKey(k, e);
            heap.incref(key);
            heap.incref(value);
            try {
                long other = getItemKnownHash(b, key, entryHash(k, e));
                if (other == 0) return false;
                heap.incref(other);
                try {
                    if (other != value && !heap.objectsEqual(value, other)) return false;
                } finally {
                    heap.decref(other);
                }
            } finally {
                heap.decref(key);
                heap.decref(value);
            }
        }
        return true;
    }
}
