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

    /**
     * bug_lone_surrogates_merge: two lone surrogates that meet in a Java string stay two code points.
     * The escapes of U+D800 and U+DC00 make a str of length 2, UCS-2 kind (getsizeof 78 in 3.11, as
     * '\\ud800\\udc00'), holding the surrogates themselves; value() gives the escapes back, a
     * raw unpaired surrogate char means that surrogate, and a real pair is still one code point.
     */
    @Test
    void loneSurrogatesStaySeparateCodePoints(Heap heap) {
        String escaped = SurrogateEscapes.of(0xD800) + SurrogateEscapes.of(0xDC00);
        long o = heap.strs.of(escaped);
        assertEquals(2, StrType.length(o));
        assertEquals(2, StrType.kind(o), "UCS-2, as CPython's str with a surrogate");
        assertEquals(78, heap.getsizeof(o), "sys.getsizeof('\\ud800\\udc00') on 3.11");
        assertEquals(0xD800, StrType.codePointAt(o, 0));
        assertEquals(0xDC00, StrType.codePointAt(o, 1));
        assertEquals(escaped, StrType.value(o), "round trip");
        assertEquals(StrType.hashOf(escaped), heap.hash(o));
        assertTrue(StrType.contentEquals(o, escaped));
        assertEquals("'\ud800\udc00'", heap.strs.describe(o), "the Java form for a Java reader: raw chars");
        long raw = heap.strs.of("\ud800");
        assertEquals(1, StrType.length(raw));
        assertEquals(0xD800, StrType.codePointAt(raw, 0));
        long pair = heap.strs.of("\ud800\udc00");
        assertEquals(1, StrType.length(pair), "a Java surrogate pair is U+10000");
        assertEquals(0x10000, StrType.codePointAt(pair, 0));
        assertFalse(heap.objectsEqual(o, pair));
        long wide = heap.strs.of("\uD83D\uDE00" + escaped);  // U+1F600 and two lone surrogates: UCS-4
        assertEquals(3, StrType.length(wide));
        assertEquals(4, StrType.kind(wide));
        assertEquals(escaped, StrType.value(wide).substring(2));
        for (long x : new long[] {o, raw, pair, wide}) heap.decref(x);
    }

    /**
     * The hash read from the object (one-byte data a word at a time) and the contents written by one
     * copy equal what the Java string gives, for every length around the 8-byte words and each
     * width; internedOf's ASCII shortcut keys the table as intern does.
     */
    @Test
    void hashAndContentsAgreeWithTheJavaStringAtEveryLengthAndWidth(Heap heap) {
        String[] alphabets = {"abcdefghijklmnopqrstuvwxyz", "\u00e9\u00ff\u0080a", "\u20ac\u0100b", "\uD83D\uDE00c"};
        for (String alphabet : alphabets) {
            for (int n = 0; n <= 19; n++) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; b.codePointCount(0, b.length()) < n; i++) b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, i % alphabet.codePointCount(0, alphabet.length()))));
                String s = b.toString();
                long o = heap.strs.of(s);
                assertEquals(s, StrType.value(o), "round trip of " + s);
                assertEquals(StrType.hashOf(s), heap.hash(o), "hash of " + s);
                long i1 = heap.strs.internedOf(s), i2 = heap.strs.internedOf(s);
                assertEquals(i1, i2, "one interned " + s);
                if (n >= 2) assertTrue(StrType.isInterned(i1), "marked interned: " + s);
                long again = heap.strs.intern(heap.strs.of(s));
                assertEquals(i1, again, "intern finds what internedOf put: " + s);
                for (long x : new long[] {o, i1, i2, again}) heap.decref(x);
            }
        }
    }

    /** 3.11's PyUnicode_AsUTF8AndSize keeps the bytes with a non-ASCII str; __sizeof__ counts them, dealloc frees them. */
    @Test
    void bug_utf8CacheNotCountedAfterCompile(Heap heap) {
        long o = heap.strs.of("\u4000");
        assertEquals(76, heap.getsizeof(o));
        long blocks = heap.allocator().allocatedBlocks();
        heap.strs.cacheUtf8(o);
        assertEquals(80, heap.getsizeof(o), "three UTF-8 bytes and a NUL");
        assertEquals(blocks + 1, heap.allocator().allocatedBlocks());
        heap.strs.cacheUtf8(o);
        assertEquals(80, heap.getsizeof(o), "kept, not made again");
        assertEquals(blocks + 1, heap.allocator().allocatedBlocks());
        heap.decref(o);
        assertEquals(blocks - 1, heap.allocator().allocatedBlocks(), "the str and its bytes freed");
        long a = heap.strs.of("ascii text");
        heap.strs.cacheUtf8(a);
        assertEquals(59, heap.getsizeof(a), "an ASCII str's UTF-8 is its data");
        heap.decref(a);
    }
}
