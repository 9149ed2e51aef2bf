package dev.refheap.object;

import dev.refheap.memory.MallocStats;
import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code tuple}: refcount, type, ob_size, then the item pointers (24 + 8n bytes, plus the GC head).
 * Tracked when created (except the static empty tuple); a collection untracks a tuple whose items
 * are all untracked. Free lists for sizes 1..20 hold up to 2000 tuples each, linked through
 * {@code ob_item[0]}; a parked tuple keeps its ob_size and reads refcount 0. Tuples have no
 * tp_clear: cycles through them are broken by clearing the other members.
 */
public final class TupleType extends PyType {
    public static final int OB_ITEM = 24;
    public static final int MAX_SAVE_SIZE = 20;
    public static final int MAX_FREE = 2000;
    private final long[] freeList = new long[MAX_SAVE_SIZE];
    private final int[] numFree = new int[MAX_SAVE_SIZE];
    private long empty;

    /** The start-up image's part of this type (Heap.imageState): each size's free list (its head; the rest is chained in the objects). */
    void writeImageState(java.io.DataOutputStream out) throws java.io.IOException {
        for (int i = 0; i < MAX_SAVE_SIZE; i++) {
            out.writeLong(freeList[i]);
            out.writeInt(numFree[i]);
        }
    }

    void readImageState(java.io.DataInputStream in) throws java.io.IOException {
        for (int i = 0; i < MAX_SAVE_SIZE; i++) {
            freeList[i] = in.readLong();
            numFree[i] = Heap.imageCount(in, MAX_FREE);
        }
    }

    TupleType(Heap heap) {
        super(heap, "tuple", null, BASETYPE | HAVE_GC | TUPLE_SUBCLASS, OB_ITEM, 8, 0);
    }

    @Override
    public boolean isDataBase() { return true; }

    void createEmpty() {
        // CPython's static empty tuple sits 8 bytes past a 16-byte boundary (id(()) % 16 == 8).
        empty = heap.newStaticObject(this, OB_ITEM + 8, Layout.STATIC_REFCNT, 8);
        Native.putLong(empty + Layout.OB_SIZE, 0);
    }

    /** The empty tuple (no reference taken). */
    public long emptyTuple() { return empty; }

    /**
     * PyTuple_New: a new, tracked tuple of {@code n} items, all 0 (fill with {@link #setItemSteal});
     * the empty tuple for n = 0.
     */
    public long alloc(long n) {
        if (n == 0) {
            heap.incref(empty);
            return empty;
        }
        long o;
        if (n <= MAX_SAVE_SIZE && freeList[(int) n - 1] != 0 && !heap.deepFreezing()) {
            int i = (int) n - 1;
            o = freeList[i];
            freeList[i] = Native.getLong(o + OB_ITEM);
            numFree[i]--;
            heap.reviveFromFreeList(o, this);
        } else {
            o = heap.allocObject(this, n);
        }
        Native.zeroWords(o + OB_ITEM, n);
        heap.track(o);
        return o;
    }

    /** As {@link #alloc}, never from the free list (an object refheap makes where CPython's start-up had made it before the free lists' state it models). */
    public long allocFresh(long n) {
        if (n == 0) return alloc(0);
        long o = heap.allocObject(this, n);
        Native.zeroWords(o + OB_ITEM, n);
        heap.track(o);
        return o;
    }

    /** A tuple of the given items (each incref'd): a new reference. */
    public long of(long... items) {
        long t = alloc(items.length);
        for (int i = 0; i < items.length; i++) {
            heap.incref(items[i]);
            Native.putLong(t + OB_ITEM + 8L * i, items[i]);
        }
        return t;
    }

    public static long size(long t) { return Native.getLong(t + Layout.OB_SIZE); }

    /** Borrowed reference to item {@code i}. */
    public static long item(long t, long i) { return Native.getLong(t + OB_ITEM + 8 * i); }

    /** PyTuple_SET_ITEM: stores {@code v}, taking over the caller's reference; for filling new tuples. */
    public static void setItemSteal(long t, long i, long v) { Native.putLong(t + OB_ITEM + 8 * i, v); }

    @Override
    public void traverse(long o, LongConsumer visit) {
        for (long i = size(o) - 1; i >= 0; i--) {
            long item = item(o, i);
            if (item != 0) visit.accept(item);
        }
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        long n = size(o);
        for (long i = n - 1; i >= 0; i--) heap.xdecref(item(o, i));
        if (n <= MAX_SAVE_SIZE && n > 0 && numFree[(int) n - 1] < MAX_FREE && Heap.typeAddress(o) == address() && !heap.deepFreezing()) {
            int i = (int) n - 1;
            heap.parkedOnFreeList(o, this);
            Native.putLong(o + OB_ITEM, freeList[i]);
            freeList[i] = o;
            numFree[i]++;
            return;
        }
        heap.freeObject(o);
    }

    /** _PyTuple_MaybeUntrack's test: every item exists and may not be tracked. */
    public boolean itemsAllUntracked(long o) {
        for (long i = 0, n = size(o); i < n; i++) {
            long item = item(o, i);
            if (item == 0 || heap.mayBeTracked(item)) return false;
        }
        return true;
    }

    void clearFreeList() {
        for (int i = 0; i < MAX_SAVE_SIZE; i++) {
            while (freeList[i] != 0) {
                long o = freeList[i];
                freeList[i] = Native.getLong(o + OB_ITEM);
                numFree[i]--;
                heap.freeObjectMemory(o, this);
            }
        }
    }

    /** Releases the free list of {@code size}-tuples to the allocator (what taking them all for good does to the list). */
    public void releaseFreeList(int size) {
        int i = size - 1;
        while (freeList[i] != 0) {
            long o = freeList[i];
            freeList[i] = Native.getLong(o + OB_ITEM);
            numFree[i]--;
            heap.freeObjectMemory(o, this);
        }
    }

    /** Parks {@code count} newly allocated {@code size}-tuples on the free list (none taken from it). */
    public void parkFresh(int size, int count) {
        for (int k = 0; k < count; k++) {
            long o = heap.allocObject(this, size);
            Native.fill(o + OB_ITEM, 8L * size, (byte) 0);
            heap.track(o);
            heap.decref(o);
        }
    }

    public int freeCount(int size) { return numFree[size - 1]; }

    void appendFreeListStats(StringBuilder out) {
        for (int i = 0; i < MAX_SAVE_SIZE; i++) {
            int n = i + 1;
            MallocStats.freeListLine(out, numFree[i] + " free " + n + "-sized PyTupleObjects * " + (24 + 8 * n) + " bytes each",
                    (long) numFree[i] * (24 + 8 * n));
        }
    }

    @Override
    public long hash(long o) {
        int n = (int) size(o);
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            long item = item(o, i);
            hashes[i] = heap.typeOf(item).hash(item);
        }
        return Hashing.hashTuple(hashes, n);
    }

    @Override
    public boolean equals(long a, long b) {
        if (a == b) return true;
        if (Heap.typeAddress(b) != address()) return false;
        long n = size(a);
        return n == size(b) && heap.itemArraysEqual(a + OB_ITEM, b + OB_ITEM, n);
    }
}
