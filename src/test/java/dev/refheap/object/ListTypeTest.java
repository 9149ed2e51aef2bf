package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.embed.PyHeap;
import dev.refheap.memory.Native;
import dev.refheap.testing.VerifiedHeap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** list: CPython's over-allocation, the 80-entry free list, traversal order. */
@ExtendWith(VerifiedHeap.class)
class ListTypeTest {

    /** getsizeof(l) after 0..100 successive l.append(i), from python3 3.11.7. */
    static final long[] GROWTH = {56, 88, 88, 88, 88, 120, 120, 120, 120, 184, 184, 184, 184, 184, 184, 184, 184, 248, 248, 248, 248, 248, 248, 248, 248, 312, 312, 312, 312, 312, 312, 312, 312, 376, 376, 376, 376, 376, 376, 376, 376, 472, 472, 472, 472, 472, 472, 472, 472, 472, 472, 472, 472, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 568, 664, 664, 664, 664, 664, 664, 664, 664, 664, 664, 664, 664, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 792, 920, 920, 920, 920, 920, 920, 920, 920};

    @Test
    void sizeAfterEachAppendFollowsCPythonGrowth(Heap heap) {
        long l = heap.lists.alloc(0);
        List<Long> sizes = new ArrayList<>();
        sizes.add(heap.getsizeof(l));
        for (int i = 0; i < 100; i++) {
            long v = heap.ints.of(i);
            heap.lists.append(l, v);
            heap.decref(v);
            sizes.add(heap.getsizeof(l));
        }
        assertEquals(toList(GROWTH), sizes);
        assertEquals(100, ListType.size(l));
        for (int i = 0; i < 100; i++) assertEquals(i, IntType.asLong(ListType.item(l, i)));
        heap.decref(l);
    }

    static List<Long> toList(long[] a) {
        List<Long> r = new ArrayList<>();
        for (long x : a) r.add(x);
        return r;
    }

    @Test
    void newListIsTrackedWithRefcountOne(Heap heap) {
        long l = heap.lists.alloc(0);
        assertEquals(1, heap.refcount(l));
        assertTrue(Heap.isTracked(l));
        heap.decref(l);
    }

    @Test
    void freedListReadsRefcountZeroAndIsReusedLifo(PyHeap py) {
        Heap heap = py.heap();
        heap.clearFreeLists();
        long a = heap.lists.alloc(0), b = heap.lists.alloc(0);
        long count0 = py.gc().count()[0];
        heap.decref(a);
        heap.decref(b);
        assertEquals(0, heap.refcount(a));
        assertEquals(heap.lists.address(), Heap.typeAddress(a), "ob_type still list");
        assertFalse(Heap.isTracked(a));
        assertEquals(2, heap.lists.freeCount());
        assertEquals(count0, py.gc().count()[0], "parking on the free list does not change count0");
        long c = heap.lists.alloc(0), d = heap.lists.alloc(0);
        assertEquals(b, c, "last freed, first reused");
        assertEquals(a, d);
        assertEquals(count0, py.gc().count()[0], "reuse from the free list does not count");
        heap.decref(c);
        heap.decref(d);
    }

    @Test
    void freeListHoldsAtMost80AndNewAllocationsCount(PyHeap py) {
        Heap heap = py.heap();
        py.gc().setEnabled(false);
        heap.clearFreeLists();
        long before = py.gc().count()[0];
        long[] ls = new long[100];
        for (int i = 0; i < ls.length; i++) ls[i] = heap.lists.alloc(0);
        assertEquals(before + 100, py.gc().count()[0], "each new list counts toward count0");
        for (long l : ls) heap.decref(l);
        assertEquals(80, heap.lists.freeCount());
        assertEquals(before + 80, py.gc().count()[0], "100 deleted lists: -20, the other 80 went to the free list");
        py.collect();
        assertEquals(0, heap.lists.freeCount(), "a full collection clears the free list");
    }

    @Test
    void traversalVisitsItemsLastToFirst(Heap heap) {
        long a = heap.ints.of(1000), b = heap.strs.of("b"), c = heap.dicts.create();
        long l = heap.lists.of(a, b, c);
        List<Long> seen = new ArrayList<>();
        heap.lists.traverse(l, seen::add);
        assertEquals(List.of(c, b, a), seen, "gc.get_referents([1, 'a', {}]) == [{}, 'a', 1]");
        heap.decref(l);
        heap.decref(a); heap.decref(b); heap.decref(c);
    }

    @Test
    void insertPopAndClear(Heap heap) {
        long l = heap.lists.alloc(0);
        long[] v = new long[5];
        for (int i = 0; i < 5; i++) v[i] = heap.ints.of(1000 + i);
        for (int i = 0; i < 5; i++) heap.lists.insert(l, 0, v[i]);
        for (int i = 0; i < 5; i++) assertEquals(v[4 - i], ListType.item(l, i));
        long p = heap.lists.pop(l, 2);
        assertEquals(v[2], p);
        heap.decref(p);
        assertEquals(4, ListType.size(l));
        assertEquals(2, heap.refcount(v[0]));
        heap.lists.clear(l);
        assertEquals(0, ListType.size(l));
        assertEquals(56, heap.getsizeof(l));
        for (long x : v) assertEquals(1, heap.refcount(x));
        for (long x : v) heap.decref(x);
        heap.decref(l);
    }

    @Test
    void freedListKeepsItsStaleItemPointer(Heap heap) {
        heap.clearFreeLists();
        long l = heap.lists.alloc(0);
        long one = heap.ints.of(5000);
        heap.lists.append(l, one);
        long items = Native.getLong(l + ListType.OB_ITEM);
        heap.decref(one);
        heap.decref(l);
        assertEquals(items, Native.getLong(l + ListType.OB_ITEM), "stale ob_item left in place");
    }
}
