package dev.refheap.lang.modules;

import java.math.BigInteger;

/**
 * The exact integer functions of {@code math} (factorial, perm, comb) by divide and conquer, as
 * CPython 3.11 computes them: products of ranges split in halves, so the big multiplications are of
 * operands of similar size (which BigInteger's Karatsuba and Toom-Cook make fast) instead of a
 * growing product times one small factor at a time. The results are the same integers; only the
 * number and size of the intermediate operations differ, and none of them is visible to Python.
 *
 * <p>Pure functions over {@link BigInteger} and {@code long}: no state, no heap. The callers check
 * the arguments (signs, k <= n, the long long limits) as CPython's math_perm/math_comb do.
 */
public final class IntegerMath {
    private IntegerMath() {}

    /** Below this many factors a range's product is taken one factor at a time, in longs while it fits. */
    private static final long LEAF = 16;

    /** The product lo * (lo + 1) * ... * hi of longs (1 when hi < lo). */
    static BigInteger rangeProduct(long lo, long hi) {
        if (hi < lo) return BigInteger.ONE;
        if (hi - lo < LEAF) {
            BigInteger r = BigInteger.ONE;
            long acc = 1;
            for (long i = lo; i <= hi; i++) {
                if (i != 0 && Math.abs(acc) > Long.MAX_VALUE / Math.abs(i)) {
                    r = r.multiply(BigInteger.valueOf(acc));
                    acc = 1;
                }
                acc *= i;
            }
            return r.multiply(BigInteger.valueOf(acc));
        }
        long mid = lo + (hi - lo) / 2;
        return rangeProduct(lo, mid).multiply(rangeProduct(mid + 1, hi));
    }

    /** n! for 0 <= n (n small enough that the result can be held). */
    public static BigInteger factorial(long n) {
        if (n < 0) throw new IllegalArgumentException("negative");
        if (n < 2) return BigInteger.ONE;
        // n! = (odd part) * 2**(n - popcount(n)): the odd part is the product over the levels
        // j of the odd numbers in (n >> (j+1), n >> j], each level's product raised to the power
        // j+1 by accumulating (CPython's factorial_odd_part, by the same identity).
        BigInteger inner = BigInteger.ONE, outer = BigInteger.ONE;
        int top = 63 - Long.numberOfLeadingZeros(n);
        for (int j = top; j >= 0; j--) {
            long upper = n >> j, lower = (n >> (j + 1)) + 1;
            // odd numbers in [lower, upper]
            long firstOdd = lower | 1, lastOdd = (upper & 1) == 1 ? upper : upper - 1;
            if (firstOdd <= lastOdd) inner = inner.multiply(oddProduct(firstOdd, lastOdd));
            outer = outer.multiply(inner);
        }
        return outer.shiftLeft((int) (n - Long.bitCount(n)));
    }

    /** The product of the odd numbers lo, lo + 2, ..., hi (both odd, lo <= hi + 2). */
    static BigInteger oddProduct(long lo, long hi) {
        long count = (hi - lo) / 2 + 1;
        if (count <= 0) return BigInteger.ONE;
        if (count <= LEAF) {
            BigInteger r = BigInteger.ONE;
            long acc = 1;
            for (long i = lo; i <= hi; i += 2) {
                if (acc > Long.MAX_VALUE / i) {
                    r = r.multiply(BigInteger.valueOf(acc));
                    acc = 1;
                }
                acc *= i;
            }
            return r.multiply(BigInteger.valueOf(acc));
        }
        long midCount = count / 2;
        long mid = lo + 2 * (midCount - 1);
        return oddProduct(lo, mid).multiply(oddProduct(mid + 2, hi));
    }

    /** n * (n-1) * ... * (n-k+1), k factors (1 when k is 0), for 0 <= k <= n. */
    public static BigInteger perm(BigInteger n, long k) {
        if (k == 0) return BigInteger.ONE;
        if (k == 1) return n;
        if (n.bitLength() < 63) {
            long nl = n.longValue();
            return rangeProduct(nl - k + 1, nl);
        }
        long j = k / 2;
        return perm(n, j).multiply(perm(n.subtract(BigInteger.valueOf(j)), k - j));
    }

    /** Up to this n, C(n, k) with a large k is the product of its prime powers (a sieve of n bits). */
    static final long PRIME_COMB_MAX_N = 1L << 24;

    /** From this k on, C(n, k) for a small n goes by its prime powers instead of products and a division. */
    static final long PRIME_COMB_MIN_K = 64;

    /** The binomial coefficient C(n, k) for 0 <= k <= n. */
    public static BigInteger comb(BigInteger n, long k) {
        if (k == 0) return BigInteger.ONE;
        if (k == 1) return n;
        if (k >= PRIME_COMB_MIN_K && n.bitLength() < 63 && n.longValue() <= PRIME_COMB_MAX_N) {
            long nl = n.longValue();
            return combByPrimes((int) nl, (int) Math.min(k, nl - k));
        }
        // C(n, k) = n(n-1)...(n-k+1) / k!: both products by halves, one exact division
        return perm(n, k).divide(factorial(k));
    }

    /**
     * C(n, k) as the product of p**e over the primes p <= n, where e counts the borrows of
     * n - k in base p (Kummer's theorem): sum over p**i <= n of floor(n/p**i) - floor(k/p**i) -
     * floor((n-k)/p**i). No division of big numbers at all; the prime powers multiply by halves.
     */
    static BigInteger combByPrimes(int n, int k) {
        boolean[] composite = new boolean[n + 1];
        long[] factors = new long[Math.max(16, n / 16)];  // grows as needed: fewer than pi(n) words
        int count = 0;
        long acc = 1;
        for (int p = 2; p <= n; p++) {
            if (composite[p]) continue;
            for (long q = (long) p * p; q <= n; q += p) composite[(int) q] = true;
            int e = 0;
            for (long pi = p; pi <= n; pi *= p) {
                e += (int) (n / pi - k / pi - (n - k) / pi);
                if (pi > n / p) break;
            }
            for (; e > 0; e--) {
                if (acc > Long.MAX_VALUE / p) {
                    if (count == factors.length) factors = java.util.Arrays.copyOf(factors, count * 2);
                    factors[count++] = acc;
                    acc = 1;
                }
                acc *= p;
            }
        }
        if (count == factors.length) factors = java.util.Arrays.copyOf(factors, count + 1);
        factors[count++] = acc;
        return product(factors, 0, count);
    }

    /** The product of factors[from..to) by halves. */
    private static BigInteger product(long[] factors, int from, int to) {
        if (to - from <= 4) {
            BigInteger r = BigInteger.valueOf(factors[from]);
            for (int i = from + 1; i < to; i++) r = r.multiply(BigInteger.valueOf(factors[i]));
            return r;
        }
        int mid = (from + to) >>> 1;
        return product(factors, from, mid).multiply(product(factors, mid, to));
    }
}
