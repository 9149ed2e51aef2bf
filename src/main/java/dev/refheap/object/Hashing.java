package dev.refheap.object;

import java.math.BigInteger;

/**
 * CPython 3.11's hash functions for the builtin types, where the values are observable (set and
 * dict iteration order of ints, floats and tuples follows them). str and bytes hashes are
 * randomised per process in CPython; refheap uses a fixed FNV-1a over the code points, so runs
 * are reproducible (and {@code hash(b'ab') == hash('ab')} holds as in CPython).
 */
public final class Hashing {
    private Hashing() {}

    public static final int HASH_BITS = 61;
    public static final long HASH_MODULUS = (1L << HASH_BITS) - 1;
    public static final long HASH_INF = 314159;

    /** hash(int) for a value that fits a long. */
    public static long hashLong(long v) {
        long x;
        if (v == Long.MIN_VALUE) {
            x = -(Long.remainderUnsigned(Long.MIN_VALUE, HASH_MODULUS));
        } else {
            x = Math.abs(v) % HASH_MODULUS;
            if (v < 0) x = -x;
        }
        return x == -1 ? -2 : x;
    }

    public static long hashBig(BigInteger v) {
        long x = v.abs().mod(BigInteger.valueOf(HASH_MODULUS)).longValue();
        if (v.signum() < 0) x = -x;
        return x == -1 ? -2 : x;
    }

    /** hash(float); NaN hashes by identity ({@code o}'s address), as since 3.10. */
    public static long hashDouble(double v, long o) {
        if (Double.isInfinite(v)) return v > 0 ? HASH_INF : -HASH_INF;
        if (Double.isNaN(v)) {
            long y = Long.rotateRight(o, 4);
            return y == -1 ? -2 : y;
        }
        if (v == 0) return 0;
        int sign = 1;
        double m = v;
        if (m < 0) {
            sign = -1;
            m = -m;
        }
        // frexp: m in [0.5, 1), v = m * 2**e
        int e = Math.getExponent(m) + 1;
        if (e < Double.MIN_EXPONENT + 1) {  // subnormal
            m = m * 0x1p54;
            e = Math.getExponent(m) + 1 - 54;
            m = Math.scalb(m, -(Math.getExponent(m) + 1));
        } else {
            m = Math.scalb(m, -e);
        }
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & HASH_MODULUS) | (x >>> (HASH_BITS - 28));
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (Long.compareUnsigned(x, HASH_MODULUS) >= 0) x -= HASH_MODULUS;
        }
        e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
        x = ((x << e) & HASH_MODULUS) | (x >>> (HASH_BITS - e));
        x = x * sign;
        return x == -1 ? -2 : x;
    }

    private static final long XXPRIME_1 = 0x9E3779B185EBCA87L;
    private static final long XXPRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long XXPRIME_5 = 0x27D4EB2F165667C5L;

    /** The tuple hash (xxHash-based, as since 3.8), from its items' hashes. */
    public static long hashTuple(long[] itemHashes, int n) {
        long acc = XXPRIME_5;
        for (int i = 0; i < n; i++) {
            acc += itemHashes[i] * XXPRIME_2;
            acc = Long.rotateLeft(acc, 31);
            acc *= XXPRIME_1;
        }
        acc += n ^ (XXPRIME_5 ^ 3527539L);
        return acc == -1 ? 1546275796L : acc;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Start of a code-point hash (str, bytes). */
    public static long fnvStart() { return FNV_OFFSET; }

    public static long fnvStep(long h, int codePoint) {
        return (h ^ codePoint) * FNV_PRIME;
    }

    /** The hash of a bytes object holding {@code b} (what {@code BytesType.hash} computes and caches). */
    public static long hashBytes(byte[] b) {
        long h = fnvStart();
        for (byte x : b) h = fnvStep(h, x & 0xff);
        return fnvFinish(h, b.length);
    }

    /** The final value: never -1, and 0 only for the empty string (as CPython). */
    public static long fnvFinish(long h, long length) {
        if (length == 0) return 0;
        return h == -1 ? -2 : h;
    }
}
