package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.testing.VerifiedHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** str: PEP 393 sizes, singletons, mortal interning, the project-defined hash. */
@ExtendWith(VerifiedHeap.class)
class StrTypeTest {

    /** sys.getsizeof from python3 3.11.7. */
    @ParameterizedTest(name = "getsizeof(''{0}'') == {1}")
    @CsvSource(delimiter = '|', value = {
        "|49", "a|50", "ab|51", "hello world|60", "é|74", "éé|75", "aé|75", "€|76", "a€|78",
        "😀|80", "a😀|84", "€😀|84",
    })
    void sizeMatchesCPython(String s, long size, Heap heap) {
        if (s == null) s = "";
        long o = heap.strs.of(s);
        assertEquals(size, heap.getsizeof(o));
        assertEquals(s, StrType.value(o), "round trip");
        assertEquals(s.codePointCount(0, s.length()), StrType.length(o));
        heap.decref(o);
    }

    @Test
    void emptyAndOneCharLatin1StringsAreStaticSingletons(Heap heap) {
        for (String s : new String[] {"", "a", "\u00c8" /* chr(200) */}) {
            long a = heap.strs.of(s), b = heap.strs.of(s);
            assertEquals(a, b, "'" + s + "' is a singleton");
            assertTrue(heap.refcount(a) > Layout.STATIC_REFCNT);
            heap.decref(a);
            heap.decref(b);
        }
        long a = heap.strs.of("\u012c"), b = heap.strs.of("\u012c");  // chr(300)
        assertNotEquals(a, b, "chr(300) is not cached");
        assertEquals(1, heap.refcount(a));
        heap.decref(a);
        heap.decref(b);
    }

    @Test
    void internedStringsAreMortal(Heap heap) {
        int before = heap.strs.internedCount();
        long a = heap.strs.internedOf("hello world");
        long b = heap.strs.intern(heap.strs.of("hello world"));
        assertEquals(a, b, "intern returns the canonical string");
        assertEquals(2, heap.refcount(a), "the interned table holds no counted reference");
        assertTrue(StrType.isInterned(a));
        assertEquals(before + 1, heap.strs.internedCount());
        heap.decref(a);
        heap.decref(b);
        assertEquals(before, heap.strs.internedCount(), "a dying interned string leaves the table");
        long c = heap.strs.internedOf("hello world");
        assertEquals(1, heap.refcount(c), "a fresh string is interned again");
        heap.decref(c);
    }

    @Test
    void notInternedStringsAreDistinct(Heap heap) {
        long a = heap.strs.of("hi there"), b = heap.strs.of("hi there");
        assertNotEquals(a, b);
        assertTrue(heap.objectsEqual(a, b));
        heap.decref(a);
        heap.decref(b);
    }

    @Test
    void hashIsStableCachedAndNeverMinusOne(Heap heap) {
        long a = heap.strs.of("spam"), b = heap.strs.of("spam"), c = heap.strs.of("eggs");
        long e = heap.strs.of("");
        assertEquals(heap.hash(a), heap.hash(b), "equal strings hash equal");
        assertNotEquals(heap.hash(a), heap.hash(c));
        assertEquals(0, heap.hash(e), "hash('') == 0, as in CPython");
        assertNotEquals(-1, heap.hash(a));
        assertEquals(heap.hash(a), dev.refheap.memory.Native.getLong(a + StrType.HASH), "cached in the object");
        long bytes = heap.bytes.of("spam".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(heap.hash(a), heap.hash(bytes), "hash(b'spam') == hash('spam')");
        for (long o : new long[] {a, b, c, e, bytes}) heap.decref(o);
    }

    @Test
    void equalityComparesCodePoints(Heap heap) {
        long a = heap.strs.of("€uro"), b = heap.strs.of("€uro"), c = heap.strs.of("euro");
        assertTrue(heap.objectsEqual(a, b));
        assertFalse(heap.objectsEqual(a, c));
        heap.decref(a); heap.decref(b); heap.decref(c);
    }
}
