package dev.refheap.object;

import dev.refheap.memory.Native;
import java.math.BigInteger;

/**
 * {@code int}: arbitrary precision in CPython 3.11's layout: refcount, type, {@code ob_size} (the
 * number of digits, negative for negative values), then 30-bit digits in 32-bit words, least
 * significant first. Zero has ob_size 0 but still one digit of storage (28 bytes).
 *
 * <p>The small ints -5..256 are static objects in one contiguous array, 32 bytes apart, so
 * {@code id(10) - id(2) == 256}; they start at 3.11's static refcount, 999,999,999.
 */
public class IntType extends PyType {
    public static final int DIGIT_BITS = 30;
    public static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    public static final int OB_DIGIT = 24;
    private static final int SMALL_COUNT = Heap.SMALL_INT_MAX - Heap.SMALL_INT_MIN + 1;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private long smallInts;

    IntType(Heap heap) {
        super(heap, "int", null, BASETYPE | LONG_SUBCLASS, OB_DIGIT, 4, 0);
    }

    protected IntType(Heap heap, String name, PyType base, int flags) {
        super(heap, name, base, flags, OB_DIGIT, 4, 0);
    }

    void createSmallInts() {
        // As in CPython's static data, the array starts 8 bytes past a 16-byte boundary (id % 16 == 8).
        smallInts = heap.allocateStatic((long) SMALL_COUNT * Heap.SMALL_INT_STRIDE + 8, 0) + 8;
        for (int v = Heap.SMALL_INT_MIN; v <= Heap.SMALL_INT_MAX; v++) {
            long o = smallInts + (long) (v - Heap.SMALL_INT_MIN) * Heap.SMALL_INT_STRIDE;
            Native.putLong(o + Layout.OB_REFCNT, Layout.STATIC_REFCNT);
            Native.putLong(o + Layout.OB_TYPE, address());
            writeLong(o, v);
            heap.addStaticObject(o, Layout.STATIC_REFCNT);
        }
    }

    /** True if {@code o} is one of the static small ints. */
    public boolean isSmallInt(long o) {
        return o >= smallInts && o < smallInts + (long) SMALL_COUNT * Heap.SMALL_INT_STRIDE;
    }

    /** The address of small int {@code v} (no reference taken). */
    public long smallIntAddress(int v) {
        return smallInts + (long) (v - Heap.SMALL_INT_MIN) * Heap.SMALL_INT_STRIDE;
    }

    /** The bytes a one-digit int requests: sizeof(PyLongObject) (header and one digit, padded), as _PyLong_FromMedium asks. */
    static final long MEDIUM_REQUEST = 32;

    /** An int with value {@code v}: a new reference (the cached object for -5..256). */
    public long of(long v) {
        if (v >= Heap.SMALL_INT_MIN && v <= Heap.SMALL_INT_MAX) {
            long o = smallIntAddress((int) v);
            heap.incref(o);
            return o;
        }
        if (v > -(1L << DIGIT_BITS) && v < (1L << DIGIT_BITS)) {
            // a one-digit value is 3.11's medium int: _PyLong_FromMedium requests sizeof(PyLongObject), 32
            long o = heap.allocSmallPlainObject(heap.ints, MEDIUM_REQUEST);
            Native.putLong(o + Layout.OB_SIZE, v < 0 ? -1 : 1);
            Native.putInt(o + OB_DIGIT, (int) Math.abs(v));
            return o;
        }
        int n = digitCount(v);
        long o = heap.allocObjectOfSize(heap.ints, OB_DIGIT + 4L * n, 0);
        writeLong(o, v);
        return o;
    }

    /**
     * long_dealloc: an exact int has nothing to release, so its memory goes back at once (no
     * traversal, no type lookup, no class to decref); a subclass's instance takes the general way.
     */
    @Override
    public void dealloc(long o) {
        if (Heap.typeAddress(o) == address()) heap.freeObjectMemory(o, this);
        else super.dealloc(o);
    }

    /** An int with value {@code v}: a new reference. */
    public long of(BigInteger v) {
        if (v.bitLength() < 64) return of(v.longValue());
        BigInteger mag = v.abs();
        int n = (mag.bitLength() + DIGIT_BITS - 1) / DIGIT_BITS;
        long o = heap.allocObjectOfSize(heap.ints, OB_DIGIT + 4L * n, 0);
        // one pass over the magnitude's bytes (a shift per digit would be quadratic: hours for 10**10**7)
        byte[] be = mag.toByteArray();
        int len = be.length;
        for (int i = 0; i < n; i++) {
            long bit = (long) i * DIGIT_BITS;
            int first = (int) (bit >>> 3);
            long w = 0;
            for (int k = 0; k < 5 && first + k < len; k++) w |= (long) (be[len - 1 - first - k] & 0xff) << (8 * k);
            Native.putInt(o + OB_DIGIT + 4L * i, (int) (w >>> (bit & 7)) & DIGIT_MASK);
        }
        Native.putLong(o + Layout.OB_SIZE, v.signum() < 0 ? -n : n);
        return o;
    }

    private static int digitCount(long v) {
        if (v == 0) return 1;
        int bits = v == Long.MIN_VALUE ? 64 : 64 - Long.numberOfLeadingZeros(Math.abs(v));
        return (bits + DIGIT_BITS - 1) / DIGIT_BITS;
    }

    static void writeLong(long o, long v) {
        if (v == 0) {
            Native.putLong(o + Layout.OB_SIZE, 0);
            Native.putInt(o + OB_DIGIT, 0);
            return;
        }
        int n = 0;
        if (v == Long.MIN_VALUE) {
            // |v| = 2**63: digits 0, 0, 8
            Native.putInt(o + OB_DIGIT, 0);
            Native.putInt(o + OB_DIGIT + 4, 0);
            Native.putInt(o + OB_DIGIT + 8, 8);
            Native.putLong(o + Layout.OB_SIZE, -3);
            return;
        }
        long mag = Math.abs(v);
        while (mag != 0) {
            Native.putInt(o + OB_DIGIT + 4L * n, (int) (mag & DIGIT_MASK));
            mag >>>= DIGIT_BITS;
            n++;
        }
        Native.putLong(o + Layout.OB_SIZE, v < 0 ? -n : n);
    }

    /** Number of digits with sign (ob_size). */
    public static long obSize(long o) { return Native.getLong(o + Layout.OB_SIZE); }

    /** True if the value fits in a Java long. */
    public static boolean fitsLong(long o) {
        long size = obSize(o);
        long n = Math.abs(size);
        if (n <= 2) return true;
        if (n > 3) return false;
        // three digits hold up to 90 bits: the value fits while the top digit keeps it below 2**63
        // (or, negative, at most 2**63: digits 0, 0, 8), read from the digits without a BigInteger
        int top = Native.getInt(o + OB_DIGIT + 8);
        if (top < 8) return true;
        return top == 8 && size < 0 && Native.getInt(o + OB_DIGIT) == 0 && Native.getInt(o + OB_DIGIT + 4) == 0;
    }

    /** The value, which must fit a long (see {@link #fitsLong}). */
    public static long asLong(long o) {
        long size = obSize(o);
        long n = Math.abs(size);
        if (n > 3) return toBig(o).longValueExact();
        if (n == 3 && !fitsLong(o)) throw new ArithmeticException("BigInteger out of long range");  // as longValueExact
        long v = 0;  // at most 63 bits of digits (-2**63's 2**63 wraps to itself when negated)
        for (long i = n - 1; i >= 0; i--) v = (v << DIGIT_BITS) | Native.getInt(o + OB_DIGIT + 4 * i);
        return size < 0 ? -v : v;
    }

    public static BigInteger toBig(long o) {
        long size = obSize(o);
        long n = Math.abs(size);
        if (n <= 2) return BigInteger.valueOf(asLong(o));
        // the digits, least significant first, packed into big-endian bytes in one pass
        int nbytes = (int) ((n * DIGIT_BITS + 7) / 8);
        byte[] be = new byte[nbytes];
        long acc = 0;
        int accBits = 0, b = 0;
        for (long i = 0; i < n; i++) {
            acc |= (long) (Native.getInt(o + OB_DIGIT + 4 * i) & DIGIT_MASK) << accBits;
            accBits += DIGIT_BITS;
            for (; accBits >= 8; accBits -= 8, acc >>>= 8) be[nbytes - 1 - b++] = (byte) acc;
        }
        if (accBits > 0) be[nbytes - 1 - b] = (byte) acc;
        BigInteger v = new BigInteger(1, be);
        return size < 0 ? v.negate() : v;
    }

    @Override
    public long sizeOf(long o) {
        return OB_DIGIT + 4 * Math.max(1, Math.abs(obSize(o)));
    }

    @Override
    public long subtypeSizeOf(long o, long subtypeBasicSize) { return sizeOf(o); }  // int___sizeof__: offsetof(ob_digit) + digits

    @Override
    public boolean isDataBase() { return true; }

    @Override
    public long hash(long o) {
        return Math.abs(obSize(o)) <= 2 ? Hashing.hashLong(asLong(o)) : Hashing.hashBig(toBig(o));
    }

    @Override
    public boolean equals(long a, long b) {
        if (a == b) return true;
        if (!(heap.typeOf(b) instanceof IntType)) return false;
        long n = obSize(a);
        if (n != obSize(b)) return false;
        for (long i = 0, end = Math.max(1, Math.abs(n)); i < end; i++) {
            if (Native.getInt(a + OB_DIGIT + 4 * i) != Native.getInt(b + OB_DIGIT + 4 * i)) return false;
        }
        return true;
    }

    @Override
    public String describe(long o) { return toBig(o).toString(); }
}
