package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.embed.PyHeap;
import dev.refheap.memory.Native;
import dev.refheap.testing.VerifiedHeap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** tuple: sizes, hash, free lists for sizes 1..20, untracking by the collector. */
@ExtendWith(VerifiedHeap.class)
class TupleTypeTest {

    @Test
    void sizesOfTuplesOf0To24Items(Heap heap) {
        // python3: [sys.getsizeof(tuple(range(n))) for n in range(25)]
        for (int n = 0; n <= 24; n++) {
            long t = newIntTuple(heap, n);
            assertEquals(40 + 8L * n, heap.getsizeof(t), "getsizeof of a " + n + "-tuple");
            heap.decref(t);
        }
    }

    static long newIntTuple(Heap heap, int n) {
        long[] items = new long[n];
        for (int i = 0; i < n; i++) items[i] = heap.ints.of(i);
        long t = heap.tuples.of(items);
        for (long i : items) heap.decref(i);
        return t;
    }

    @Test
    void hashMatchesCPython(Heap heap) {
        // python3 3.11.7: hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash((-1,)),
        // hash((1.5, 2)), hash(((1, 2), 3)), hash((0, 0)), hash((2**70, -1.25))
        long one = heap.ints.of(1), two = heap.ints.of(2), three = heap.ints.of(3), m1 = heap.ints.of(-1);
        long zero = heap.ints.of(0), f15 = heap.floats.of(1.5), big = heap.ints.of(java.math.BigInteger.TWO.pow(70));
        long fm125 = heap.floats.of(-1.25);
        long t12 = heap.tuples.of(one, two);
        long[][] cases = {{}, {one}, {one, two}, {one, two, three}, {m1}, {f15, two}, {t12, three}, {zero, zero}, {big, fm125}};
        long[] expected = {5740354900026072187L, -6644214454873602895L, -3550055125485641917L, 529344067295497451L,
                8078679518589016365L, 8274728468405361693L, -333907151259015829L, -8458139203682520985L, 8510136455419525305L};
        for (int i = 0; i < cases.length; i++) {
            long t = heap.tuples.of(cases[i]);
            assertEquals(expected[i], heap.hash(t), "case " + i);
            heap.decref(t);
        }
        for (long o : new long[] {one, two, three, m1, zero, f15, big, fm125, t12}) heap.decref(o);
    }

    @Test
    void emptyTupleIsAStaticUntrackedSingleton(Heap heap) {
        long a = heap.tuples.alloc(0), b = heap.tuples.of();
        assertEquals(a, b);
        assertEquals(heap.tuples.emptyTuple(), a);
        assertFalse(Heap.isTracked(a));
        assertTrue(heap.refcount(a) > Layout.STATIC_REFCNT);
        heap.decref(a);
        heap.decref(b);
    }

    @Test
    void freedTupleGoesToItsSizesFreeListLinkedThroughFirstItem(PyHeap py) {
        Heap heap = py.heap();
        heap.clearFreeLists();
        long a = newIntTuple(heap, 3), b = newIntTuple(heap, 3);
        long count0 = py.gc().count()[0];
        heap.decref(a);
        heap.decref(b);
        assertEquals(2, heap.tuples.freeCount(3));
        assertEquals(0, heap.refcount(b), "a freed tuple reads refcount 0");
        assertEquals(3, TupleType.size(b), "ob_size kept");
        assertEquals(a, Native.getLong(b + TupleType.OB_ITEM), "ob_item[0] points to the tuple freed before it");
        assertEquals(count0, py.gc().count()[0]);
        long c = newIntTuple(heap, 3);
        assertEquals(b, c, "reused LIFO");
        assertEquals(count0, py.gc().count()[0], "reuse does not count toward count0");
        assertTrue(Heap.isTracked(c));
        heap.decref(c);
    }

    @Test
    void freeListsKeepSizes1To20UpTo2000Each(Heap heap) {
        heap.clearFreeLists();
        for (int n = 1; n <= 21; n++) {
            long t = newIntTuple(heap, n);
            long blocks = heap.allocator().allocatedBlocks();
            heap.decref(t);
            if (n <= 20) assertEquals(1, heap.tuples.freeCount(n), n + "-tuple parked");
            else assertEquals(blocks - 1, heap.allocator().allocatedBlocks(), "a 21-tuple is freed");
        }
        long[] ts = new long[2100];
        for (int i = 0; i < ts.length; i++) ts[i] = heap.tuples.alloc(1);
        for (long t : ts) TupleType.setItemSteal(t, 0, heap.ints.of(7));
        for (long t : ts) heap.decref(t);
        assertEquals(2000, heap.tuples.freeCount(1));
        assertTrue(heap.freeListStats().contains("2000 free 1-sized PyTupleObjects * 32 bytes each"), heap.freeListStats());
    }

    @Test
    void collectionUntracksTuplesOfUntrackedItems(PyHeap py) {
        Heap heap = py.heap();
        long t = newIntTuple(heap, 2);  // tuple([1, 2])
        long inner = newIntTuple(heap, 1);
        long outer = heap.tuples.of(inner);  // tuple([t]) with t tracked
        long withList = heap.tuples.of(heap.lists.alloc(0));
        heap.decref(TupleType.item(withList, 0));
        assertTrue(Heap.isTracked(t));
        assertTrue(Heap.isTracked(outer));
        py.collect(0);
        assertFalse(Heap.isTracked(t), "tuple([1, 2]) is untracked by gc.collect(0)");
        assertFalse(Heap.isTracked(inner));
        assertTrue(Heap.isTracked(withList), "a tuple holding a list stays tracked");
        // outer was examined while inner was still tracked or not, depending on list order; at most one more pass
        py.collect(0);
        assertFalse(Heap.isTracked(outer), "a nested tuple is untracked after at most one more pass");
        heap.decref(t); heap.decref(outer); heap.decref(inner); heap.decref(withList);
    }

    @Test
    void tupleMayBeTrackedOnlyWhileTracked(Heap heap) {
        long t = newIntTuple(heap, 1);
        assertTrue(heap.mayBeTracked(t));
        heap.untrackIfTracked(t);
        assertFalse(heap.mayBeTracked(t));
        assertFalse(heap.mayBeTracked(heap.tuples.emptyTuple()));
        heap.decref(t);
    }

    @Test
    void traversalIsReversed(Heap heap) {
        long a = heap.ints.of(1), l = heap.lists.alloc(0);
        long t = heap.tuples.of(a, l);
        List<Long> seen = new ArrayList<>();
        heap.tuples.traverse(t, seen::add);
        assertEquals(List.of(l, a), seen, "gc.get_referents((1, [2])) == [[2], 1]");
        heap.decref(t); heap.decref(a); heap.decref(l);
    }
}
