package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.testing.VerifiedHeap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** set: growth, iteration order (follows the int hashes), operations, tracking. */
@ExtendWith(VerifiedHeap.class)
class SetTypeTest {

    /** getsizeof(s) after 0..100 successive s.add(i + 1000), from python3 3.11.7. */
    static final long[] GROWTH = {216, 216, 216, 216, 216, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 728, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 2264, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408, 8408};

    @Test
    void sizeAfterEachAddFollowsCPythonGrowth(Heap heap) {
        long s = heap.sets.create();
        List<Long> sizes = new ArrayList<>();
        sizes.add(heap.getsizeof(s));
        for (int i = 0; i < 100; i++) {
            long v = heap.ints.of(i + 1000);
            heap.sets.add(s, v);
            heap.decref(v);
            sizes.add(heap.getsizeof(s));
        }
        assertEquals(ListTypeTest.toList(GROWTH), sizes);
        assertEquals(100, SetType.size(s));
        heap.decref(s);
    }

    private static List<String> elements(Heap heap, long s) {
        List<String> r = new ArrayList<>();
        heap.sets.forEach(s, k -> r.add(IntType.toBig(k).toString()));
        return r;
    }

    private static void add(Heap heap, long s, long v) {
        long o = heap.ints.of(BigInteger.valueOf(v));
        heap.sets.add(s, o);
        heap.decref(o);
    }

    @Test
    void iterationOrderMatchesCPython(Heap heap) {
        long s = heap.sets.create();
        for (long v : new long[] {1000, 5, 77, 1L << 40, -3, 31, 9, 1000000}) add(heap, s, v);
        assertEquals(List.of("1099511627776", "1000000", "5", "1000", "9", "77", "-3", "31"), elements(heap, s));
        long k = heap.ints.of(77);
        assertTrue(heap.sets.discard(s, k));
        heap.decref(k);
        add(heap, s, 12345);
        assertEquals(List.of("1099511627776", "1000000", "5", "1000", "9", "12345", "-3", "31"), elements(heap, s),
                "python3: the new key takes the dummy slot");
        heap.decref(s);
    }

    @Test
    void operations(Heap heap) {
        long s = heap.sets.create();
        long a = heap.strs.of("apple"), a2 = heap.strs.of("apple"), b = heap.ints.of(1), f = heap.floats.of(1.0);
        heap.sets.add(s, a);
        heap.sets.add(s, a2);
        assertEquals(1, SetType.size(s), "an equal key is not added twice");
        assertEquals(2, heap.refcount(a));
        assertEquals(1, heap.refcount(a2), "the duplicate is not kept");
        heap.sets.add(s, b);
        assertTrue(heap.sets.contains(s, f), "1.0 in {1}");
        assertTrue(heap.sets.contains(s, a2));
        assertFalse(heap.sets.discard(s, heap.None), "discarding an absent key");
        assertTrue(heap.sets.discard(s, a2), "discard by equality");
        assertEquals(1, heap.refcount(a));
        assertFalse(heap.sets.contains(s, a));
        assertEquals(1, SetType.size(s));
        long t = heap.sets.create();
        heap.sets.add(t, f);
        assertTrue(heap.objectsEqual(s, t), "{1} == {1.0}");
        heap.sets.clear(s);
        assertEquals(0, SetType.size(s));
        assertThrows(PyError.class, () -> heap.hash(s), "unhashable type: 'set'");
        for (long o : new long[] {s, t, a, a2, b, f}) heap.decref(o);
    }

    @Test
    void manyAddsAndDiscardsKeepMembership(Heap heap) {
        long s = heap.sets.create();
        for (int i = 0; i < 500; i++) add(heap, s, i * 7919L);
        for (int i = 0; i < 500; i += 3) {
            long k = heap.ints.of(i * 7919L);
            assertTrue(heap.sets.discard(s, k));
            heap.decref(k);
        }
        for (int i = 0; i < 500; i++) {
            long k = heap.ints.of(i * 7919L);
            assertEquals(i % 3 != 0, heap.sets.contains(s, k), "element " + i);
            heap.decref(k);
        }
        assertEquals(500 - 167, SetType.size(s));
        heap.decref(s);
    }

    @Test
    void setsAreAlwaysTrackedAndSupportWeakrefs(Heap heap) {
        long s = heap.sets.create();
        assertTrue(Heap.isTracked(s), "set() is tracked when created");
        assertTrue(heap.weakrefs.supports(s));
        assertEquals(216, heap.getsizeof(s));
        heap.decref(s);
    }

    private static long setOf(Heap heap, long... values) {
        long s = heap.sets.create();
        for (long v : values) add(heap, s, v);
        return s;
    }

    @Test
    void swapBodiesExchangesTablesLargeAndSmall(Heap heap) {
        long big = heap.sets.create();
        for (long v = 0; v < 40; v++) add(heap, big, v);
        long small = setOf(heap, 7, 8);
        long bigSize = heap.getsizeof(big);
        heap.sets.swapBodies(big, small);
        assertEquals(216, heap.getsizeof(big), "the small table moved into big's inline table");
        assertEquals(bigSize, heap.getsizeof(small));
        assertEquals(List.of("8", "7"), elements(heap, big));
        assertEquals(40, SetType.size(small));
        heap.decref(big);
        heap.decref(small);
    }

    @Test
    void swapBodiesOfTwoSmallTablesExchangesTheirEntries(Heap heap) {
        long a = setOf(heap, 1, 2), b = setOf(heap, 3);
        heap.sets.swapBodies(a, b);
        assertEquals(List.of("3"), elements(heap, a));
        assertEquals(List.of("1", "2"), elements(heap, b));
        heap.decref(a);
        heap.decref(b);
    }

    @Test
    void clearAndResizeOfASmallTableAllocateNothingOnTheSide(Heap heap) {
        long s = setOf(heap, 1, 2, 3, 4);
        long before = heap.allocator().allocatedBlocks();
        heap.sets.clear(s);
        assertEquals(before, heap.allocator().allocatedBlocks());
        for (long v = 0; v < 4; v++) add(heap, s, v);
        long blocks = heap.allocator().allocatedBlocks();
        add(heap, s, 99);  // the fifth key: the small table grows into a 32-slot one
        assertEquals(728, heap.getsizeof(s));
        assertEquals(blocks + 1, heap.allocator().allocatedBlocks(), "only the new table (99 is a cached small int)");
        heap.decref(s);
    }

    @Test
    void equalityUsesStoredHashesAndHashedFrozensetsShortcut(Heap heap) {
        long a = heap.frozensets.create(), b = heap.frozensets.create();
        add(heap, a, 1);
        add(heap, b, 2);
        assertFalse(heap.sets.equals(a, b));
        heap.hash(a);
        heap.hash(b);
        assertTrue(SetType.knownHashesDiffer(a, b));
        heap.decref(a);
        heap.decref(b);
    }
}
