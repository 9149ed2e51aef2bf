package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.embed.PyHeap;
import dev.refheap.memory.Native;
import dev.refheap.testing.VerifiedHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** float: size, hash, the 100-entry free list threaded through ob_type. */
@ExtendWith(VerifiedHeap.class)
class FloatTypeTest {

    /** hash(x) from python3 3.11.7. */
    @ParameterizedTest(name = "hash({0}) == {1}")
    @CsvSource({
        "0.0, 0", "-0.0, 0", "1.0, 1", "1.5, 1152921504606846977", "-1.5, -1152921504606846977",
        "0.1, 230584300921369408", "3.14159, 326484311674566659", "1e300, 1224995262755759164",
        "-1e-300, -482449582752280463", "5e-324, 16777216", "Infinity, 314159", "-Infinity, -314159",
        "2.305843009213694e18, 1", "1e20, 848750603811160107", "123.456, 1051464412201451643",
    })
    void hashMatchesCPython(double value, long hash, Heap heap) {
        long o = heap.floats.of(value);
        assertEquals(hash, heap.hash(o));
        assertEquals(24, heap.getsizeof(o), "getsizeof(float)");
        heap.decref(o);
    }

    @Test
    void nanHashesByIdentity(Heap heap) {
        long a = heap.floats.of(Double.NaN), b = heap.floats.of(Double.NaN);
        assertNotEquals(heap.hash(a), heap.hash(b));
        assertEquals(Hashing.hashDouble(Double.NaN, a), heap.hash(a));
        heap.decref(a);
        heap.decref(b);
    }

    @Test
    void freedFloatGoesToFreeListThreadedThroughObType(Heap heap) {
        heap.clearFreeLists();
        long a = heap.floats.of(1.25), b = heap.floats.of(2.5);
        heap.decref(a);
        heap.decref(b);
        assertEquals(2, heap.floats.freeCount());
        assertEquals(0, heap.refcount(b), "a freed float reads refcount 0");
        assertEquals(a, Native.getLong(b + Layout.OB_TYPE), "its ob_type points at the float freed before it");
        long c = heap.floats.of(3.0);
        assertEquals(b, c, "reused LIFO");
        assertEquals(1, heap.refcount(c));
        assertEquals(heap.floats.address(), Heap.typeAddress(c));
        assertEquals(3.0, FloatType.value(c));
        heap.decref(c);
    }

    @Test
    void freeListHoldsAtMost100(Heap heap) {
        long[] fs = new long[150];
        for (int i = 0; i < fs.length; i++) fs[i] = heap.floats.of(i + 0.5);
        for (long f : fs) heap.decref(f);
        assertEquals(FloatType.MAX_FREE, heap.floats.freeCount());
        assertEquals(100, FloatType.MAX_FREE);
    }

    @Test
    void fullCollectionClearsTheFreeList(PyHeap py) {
        Heap heap = py.heap();
        heap.decref(heap.floats.of(1.0));
        assertTrue(heap.floats.freeCount() > 0);
        py.collect(1);
        assertTrue(heap.floats.freeCount() > 0, "a generation-1 collection keeps the free lists");
        py.collect(2);
        assertEquals(0, heap.floats.freeCount());
        assertTrue(heap.freeListStats().contains("0 free PyFloatObjects * 24 bytes each"), heap.freeListStats());
    }
}
