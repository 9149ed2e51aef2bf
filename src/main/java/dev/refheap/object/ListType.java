package dev.refheap.object;

import dev.refheap.memory.MallocStats;
import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code list}: refcount, type, ob_size, ob_item (a separately allocated array of item pointers),
 * allocated (40 bytes, plus the GC head). Growth follows CPython's over-allocation
 * ({@code newsize + newsize/8 + 6}, rounded down to a multiple of 4), so {@code getsizeof} after a
 * series of appends matches. Up to 80 dead lists wait on a free list (refcount 0, type still
 * list, stale ob_item). Items are traversed, cleared and released from last to first, as there.
 */
public final class ListType extends PyType {
    public static final int OB_ITEM = 24, ALLOCATED = 32;
    public static final int MAX_FREE = 80;
    private final long[] freeList = new long[MAX_FREE];
    private int numFree;

    /** The start-up image's part of this type (Heap.imageState): the free list. */
    void writeImageState(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(numFree);
        for (int i = 0; i < numFree; i++) out.writeLong(freeList[i]);
    }

    void readImageState(java.io.DataInputStream in) throws java.io.IOException {
        numFree = Heap.imageCount(in, MAX_FREE);
        for (int i = 0; i < numFree; i++) freeList[i] = in.readLong();
    }

    ListType(Heap heap) {
        super(heap, "list", null, BASETYPE | HAVE_GC | LIST_SUBCLASS, 40, 0, 0);
    }

    @Override
    public boolean isDataBase() { return true; }

    /** PyList_New: a new, tracked list of {@code n} items, all 0 (fill with {@link #setItemSteal}). */
    public long alloc(long n) {
        return alloc(n, true);
    }

    /** As {@link #alloc(long)}; {@code useFreeList} false is list()'s tp_alloc path, always fresh memory. */
    public long alloc(long n, boolean useFreeList) {
        long o;
        if (useFreeList && numFree > 0) {
            o = freeList[--numFree];
            heap.reviveFromFreeList(o, this);
        } else {
            o = heap.allocObject(this, 0);
        }
        long items = 0;
        if (n > 0) {
            try {
                items = heap.memAlloc(heap.bytesFor(n, 8, 64));
            } catch (RuntimeException e) {
                // list_new_prealloc: the empty list is released (to the free list), not leaked
                Native.putLong(o + OB_ITEM, 0);
                Native.putLong(o + Layout.OB_SIZE, 0);
                Native.putLong(o + ALLOCATED, 0);
                heap.track(o);
                heap.decref(o);
                throw e;
            }
            Native.zeroWords(items, n);  // PyList_New's calloc
        }
        Native.putLong(o + OB_ITEM, items);
        Native.putLong(o + Layout.OB_SIZE, n);
        Native.putLong(o + ALLOCATED, n);
        heap.track(o);
        return o;
    }

    /** A list of the given items (each incref'd): a new reference. */
    public long of(long... items) {
        long l = alloc(items.length);
        for (int i = 0; i < items.length; i++) {
            heap.incref(items[i]);
            setItemSteal(l, i, items[i]);
        }
        return l;
    }

    public static long size(long l) { return Native.getLong(l + Layout.OB_SIZE); }
    public static long allocated(long l) { return Native.getLong(l + ALLOCATED); }
    /** Borrowed reference to item {@code i} (no bounds check). */
    public static long item(long l, long i) { return Native.getLong(Native.getLong(l + OB_ITEM) + 8 * i); }
    public static void setItemSteal(long l, long i, long v) { Native.putLong(Native.getLong(l + OB_ITEM) + 8 * i, v); }

    /** Replaces item {@code i} with {@code v} (incref'd), releasing the old item. */
    public void setItem(long l, long i, long v) {
        long slot = Native.getLong(l + OB_ITEM) + 8 * i;
        long old = Native.getLong(slot);
        heap.incref(v);
        Native.putLong(slot, v);
        heap.xdecref(old);
    }

    /** list_resize: makes room for {@code newsize} items with CPython's over-allocation. */
    public void resize(long l, long newsize) {
        long allocated = allocated(l);
        if (allocated >= newsize && newsize >= (allocated >> 1)) {
            Native.putLong(l + Layout.OB_SIZE, newsize);
            return;
        }
        heap.bytesFor(newsize, 16, 64); // MemoryError before the over-allocation arithmetic can overflow
        long newAllocated = (newsize + (newsize >> 3) + 6) & ~3L;
        if (newsize - size(l) > newAllocated - newsize) newAllocated = (newsize + 3) & ~3L;
        if (newsize == 0) newAllocated = 0;
        long items = Native.getLong(l + OB_ITEM);
        long newItems;
        if (newAllocated == 0) {
            if (items != 0) heap.memFree(items);
            newItems = 0;
        } else {
            newItems = heap.memRealloc(items, 8 * newAllocated);
        }
        Native.putLong(l + OB_ITEM, newItems);
        Native.putLong(l + Layout.OB_SIZE, newsize);
        Native.putLong(l + ALLOCATED, newAllocated);
    }

    /** list_preallocate_exact: an empty list with no item array gets room for {@code n} items, rounded up to even. */
    public void preallocateExact(long l, long n) {
        if (Native.getLong(l + OB_ITEM) != 0 || n <= 0) return;
        long size = (n + 1) & ~1L;  // pymalloc's 16-byte granularity makes an odd count free to round up
        Native.putLong(l + OB_ITEM, heap.memAlloc(heap.bytesFor(size, 8, 64)));
        Native.putLong(l + ALLOCATED, size);
    }

    /** list.append(v): v is incref'd. */
    public void append(long l, long v) {
        long n = size(l);
        if (allocated(l) > n) {
            Native.putLong(l + Layout.OB_SIZE, n + 1);
        } else {
            resize(l, n + 1); // may fail (MemoryError): v is not yet incref'd, the list unchanged
        }
        heap.incref(v);
        setItemSteal(l, n, v);
    }

    /** list.insert(i, v) for 0 <= i <= len. */
    public void insert(long l, long i, long v) {
        long n = size(l);
        resize(l, n + 1);
        heap.incref(v);
        long items = Native.getLong(l + OB_ITEM);
        Native.copy(items + 8 * i, items + 8 * (i + 1), 8 * (n - i));
        Native.putLong(items + 8 * i, v);
    }

    /** Removes item {@code i} and returns it (the list's reference passes to the caller). */
    public long pop(long l, long i) {
        long n = size(l);
        long items = Native.getLong(l + OB_ITEM);
        long v = Native.getLong(items + 8 * i);
        Native.copy(items + 8 * (i + 1), items + 8 * i, 8 * (n - i - 1));
        resize(l, n - 1);
        return v;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        long items = Native.getLong(o + OB_ITEM);
        for (long i = size(o) - 1; i >= 0; i--) {
            long item = Native.getLong(items + 8 * i);
            if (item != 0) visit.accept(item);
        }
    }

    @Override
    public boolean hasClear() { return true; }

    /** _list_clear: empties the list first, then releases the items from last to first. */
    @Override
    public void clear(long o) {
        long items = Native.getLong(o + OB_ITEM);
        if (items == 0) return;
        long n = size(o);
        Native.putLong(o + Layout.OB_SIZE, 0);
        Native.putLong(o + OB_ITEM, 0);
        Native.putLong(o + ALLOCATED, 0);
        for (long i = n - 1; i >= 0; i--) heap.xdecref(Native.getLong(items + 8 * i));
        heap.memFree(items);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        long items = Native.getLong(o + OB_ITEM);
        if (items != 0) {
            for (long i = size(o) - 1; i >= 0; i--) heap.xdecref(Native.getLong(items + 8 * i));
            heap.memFree(items);
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

    void clearFreeList() {
        while (numFree > 0) heap.freeObjectMemory(freeList[--numFree], this);
    }

    public int freeCount() { return numFree; }

    void appendFreeListStats(StringBuilder out) {
        MallocStats.freeListLine(out, numFree + " free PyListObjects * 40 bytes each", numFree * 40L);
    }

    @Override
    public long sizeOf(long o) { return 40 + 8 * allocated(o); }

    @Override
    public long hash(long o) { throw new PyError("TypeError", "unhashable type: 'list'"); }

    @Override
    public boolean equals(long a, long b) {
        if (a == b) return true;
        if (Heap.typeAddress(b) != address()) return false;
        if (size(a) != size(b)) return false;
        // list_richcompare's ==: each pair held across its comparison and both sizes read again
        // after it (an __eq__ may clear either list and free its items), then the sizes decide
        long i = 0;
        for (; i < size(a) && i < size(b); i++) {
            long x = item(a, i), y = item(b, i);
            if (x == y) continue;
            heap.incref(x);
            heap.incref(y);
            boolean same;
            try {
                same = heap.objectsEqual(x, y);
            } finally {
                heap.decref(x);
                heap.decref(y);
            }
            if (!same) break;
        }
        return (i >= size(a) || i >= size(b)) && size(a) == size(b);
    }
}
