package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.testing.VerifiedHeap;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VerifiedHeap.class)
class BytesTypeTest {

    /** sys.getsizeof from python3 3.11.7. */
    @ParameterizedTest(name = "getsizeof(b''{0}'') == {1}")
    @CsvSource({"'', 33", "a, 34", "ab, 35", "hello, 38"})
    void sizeMatchesCPython(String s, long size, Heap heap) {
        byte[] v = s.getBytes(StandardCharsets.US_ASCII);
        long o = heap.bytes.of(v);
        assertEquals(size, heap.getsizeof(o));
        assertArrayEquals(v, BytesType.value(o));
        heap.decref(o);
    }

    @Test
    void emptyAndSingleBytesAreSingletons(Heap heap) {
        long a = heap.bytes.of(new byte[0]), b = heap.bytes.of(new byte[0]);
        long c = heap.bytes.of(new byte[] {(byte) 200}), d = heap.bytes.of(new byte[] {(byte) 200});
        long e = heap.bytes.of(new byte[] {1, 2}), f = heap.bytes.of(new byte[] {1, 2});
        assertEquals(a, b);
        assertEquals(c, d);
        assertNotEquals(e, f);
        assertTrue(heap.objectsEqual(e, f));
        assertEquals(heap.hash(e), heap.hash(f));
        for (long o : new long[] {a, b, c, d, e, f}) heap.decref(o);
    }
}
