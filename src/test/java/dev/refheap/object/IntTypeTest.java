package dev.refheap.object;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.testing.VerifiedHeap;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** int: sizes, hashes, the small-int cache. Expected values from CPython 3.11.7. */
@ExtendWith(VerifiedHeap.class)
class IntTypeTest {

    /** {value, sys.getsizeof(value), hash(value)} from python3. */
    static Stream<Arguments> ints() {
        return Stream.of(
                Arguments.of("0", 28, "0"),
                Arguments.of("1", 28, "1"),
                Arguments.of("-1", 28, "-2"),
                Arguments.of("-2", 28, "-2"),
                Arguments.of("1073741823", 28, "1073741823"),               // 2**30 - 1
                Arguments.of("1073741824", 32, "1073741824"),               // 2**30
                Arguments.of("1152921504606846975", 32, "1152921504606846975"), // 2**60 - 1
                Arguments.of("1152921504606846976", 36, "1152921504606846976"), // 2**60
                Arguments.of("2305843009213693951", 36, "0"),               // 2**61 - 1
                Arguments.of("2305843009213693952", 36, "1"),               // 2**61
                Arguments.of("9223372036854775807", 36, "3"),               // 2**63 - 1
                Arguments.of("-9223372036854775808", 36, "-4"),             // -2**63
                Arguments.of("18446744073709551616", 36, "8"),              // 2**64
                Arguments.of("-1267650600228229401496703205376", 40, "-549755813888"), // -2**100
                Arguments.of("1000000000000000000000000000000", 40, "465258685558744706"), // 10**30
                Arguments.of("123456789", 28, "123456789"));
    }

    @ParameterizedTest(name = "getsizeof({0}) == {1}, hash == {2}")
    @MethodSource("ints")
    void sizeAndHashMatchCPython(String value, long size, String hash, Heap heap) {
        long o = heap.ints.of(new BigInteger(value));
        try {
            assertEquals(size, heap.getsizeof(o), "getsizeof");
            assertEquals(Long.parseLong(hash), heap.hash(o), "hash");
            assertEquals(new BigInteger(value), IntType.toBig(o), "value round trip");
        } finally {
            heap.decref(o);
        }
    }

    @Test
    void bigIntsRoundTripThroughTheirDigitsInLinearTime(Heap heap) {
        java.util.Random r = new java.util.Random(10);
        for (int bits : new int[] {64, 65, 89, 90, 91, 120, 239, 240, 241, 1000, 4096, 30 * 333 + 7}) {
            for (int k = 0; k < 20; k++) {
                BigInteger v = new BigInteger(bits, r).setBit(bits - 1);
                if (k % 2 == 1) v = v.negate();
                long o = heap.ints.of(v);
                assertEquals(v, IntType.toBig(o));
                assertEquals((bits + 29) / 30, Math.abs(IntType.obSize(o)), "digits of a " + bits + "-bit int");
                heap.decref(o);
            }
        }
        // 10**1000000 has 110,731 digits: a conversion quadratic in them would take minutes
        BigInteger huge = BigInteger.TEN.pow(1_000_000);
        long t0 = System.nanoTime();
        long o = heap.ints.of(huge);
        assertEquals(huge, IntType.toBig(o));
        heap.decref(o);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "linear conversions");
    }

    @Test
    void threeDigitIntsFitALongByTheirTopDigit(Heap heap) {
        // fitsLong/asLong read three digits directly: the same answers as BigInteger's range check
        java.util.Random r = new java.util.Random(28);
        java.util.List<BigInteger> values = new java.util.ArrayList<>();
        BigInteger two63 = BigInteger.ONE.shiftLeft(63);
        for (BigInteger base : new BigInteger[] {two63, BigInteger.ONE.shiftLeft(60), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(89)}) {
            for (int d = -3; d <= 3; d++) {
                values.add(base.add(BigInteger.valueOf(d)));
                values.add(base.add(BigInteger.valueOf(d)).negate());
            }
        }
        for (int k = 0; k < 500; k++) values.add(new BigInteger(61 + r.nextInt(30), r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)));
        for (BigInteger v : values) {
            long o = heap.ints.of(v);
            try {
                boolean fits = v.bitLength() < 64;
                assertEquals(fits, IntType.fitsLong(o), v.toString());
                if (fits) assertEquals(v.longValue(), IntType.asLong(o), v.toString());
                else assertThrows(ArithmeticException.class, () -> IntType.asLong(o), v.toString());
            } finally {
                heap.decref(o);
            }
        }
    }

    @Test
    void smallIntsAreCachedFromMinus5To256(Heap heap) {
        for (int v : new int[] {-5, 0, 2, 256}) {
            long a = heap.ints.of(v), b = heap.ints.of(v);
            assertEquals(a, b, v + " is " + v);
            assertTrue(heap.ints.isSmallInt(a));
            heap.decref(a);
            heap.decref(b);
        }
        for (int v : new int[] {-6, 257, 1000}) {
            long a = heap.ints.of(v), b = heap.ints.of(v);
            assertNotEquals(a, b, "int('" + v + "') is not int('" + v + "')");
            assertEquals(1, heap.refcount(a));
            heap.decref(a);
            heap.decref(b);
        }
    }

    @Test
    void smallIntsAreContiguous32BytesApart(Heap heap) {
        long zero = heap.ints.smallIntAddress(0);
        assertEquals(8192, heap.ints.smallIntAddress(256) - zero, "id(256) - id(0)");
        assertEquals(-160, heap.ints.smallIntAddress(-5) - zero, "id(-5) - id(0)");
        assertEquals(8, zero % 16, "CPython 3.11's static small ints sit 8 bytes past a 16-byte boundary (tests/conformance/ids/alignment.py)");
    }

    @Test
    void smallIntsStartAtTheStaticRefcountAndCountNormally(Heap heap) {
        long two = heap.ints.smallIntAddress(2);
        assertEquals(999_999_999L, heap.refcount(two));
        long a = heap.ints.of(2);
        assertEquals(1_000_000_000L, heap.refcount(two), "3.11 small ints are not immortal: counted normally");
        heap.decref(a);
        assertEquals(999_999_999L, heap.refcount(two));
    }

    @Test
    void newIntIsNotGcTrackedAndHasRefcountOne(Heap heap) {
        long o = heap.ints.of(10_000);
        assertEquals(1, heap.refcount(o));
        assertFalse(heap.isGcObject(o));
        assertEquals(10_000, IntType.asLong(o));
        heap.decref(o);
    }

    /**
     * The one-digit fast path (3.11's medium ints, |v| < 2**30) and the exact int's own dealloc:
     * the same 32-byte block as the general path, ob_size and digit as _PyLong_FromMedium writes
     * them, and the block back on its pool's free list (reused first) when the count reaches 0.
     */
    @Test
    void mediumIntsTakeA32ByteBlockAndGiveItBack(Heap heap) {
        long bytes = heap.allocator().allocatedBytes(), blocks = heap.allocator().allocatedBlocks();
        long[] values = {257, -6, (1L << 30) - 1, -(1L << 30) + 1, 1L << 30, -(1L << 30), 123_456_789_012L};
        long[] sizes = {1, -1, 1, -1, 2, -2, 2};
        for (int i = 0; i < values.length; i++) {
            long o = heap.ints.of(values[i]);
            assertEquals(values[i], IntType.asLong(o));
            assertEquals(sizes[i], IntType.obSize(o), "ob_size of " + values[i]);
            assertEquals(Math.abs(sizes[i]) == 1 ? 28 : 32, heap.getsizeof(o));
            assertEquals(32, heap.allocator().allocatedBytes() - bytes, "one 32-byte block");
            assertEquals(1, heap.allocator().allocatedBlocks() - blocks);
            assertEquals(1, heap.refcount(o));
            heap.decref(o);
            assertEquals(bytes, heap.allocator().allocatedBytes(), "freed at refcount 0");
            assertEquals(o, heap.ints.of(values[i]), "the freed block is the next one handed out");
            heap.decref(o);
        }
    }

    @Test
    void intsEqualAcrossIntBoolAndFloat(Heap heap) {
        long one = heap.ints.of(1), f = heap.floats.of(1.0), big = heap.ints.of(BigInteger.TWO.pow(70));
        long fbig = heap.floats.of(Math.pow(2, 70));
        assertTrue(heap.objectsEqual(one, heap.True), "1 == True");
        assertTrue(heap.objectsEqual(one, f), "1 == 1.0");
        assertTrue(heap.objectsEqual(big, fbig), "2**70 == 2.0**70");
        assertFalse(heap.objectsEqual(one, heap.False));
        assertEquals(heap.hash(one), heap.hash(f), "hash(1) == hash(1.0)");
        assertEquals(heap.hash(big), heap.hash(fbig), "hash(2**70) == hash(2.0**70)");
        heap.decref(one); heap.decref(f); heap.decref(big); heap.decref(fbig);
    }
}
