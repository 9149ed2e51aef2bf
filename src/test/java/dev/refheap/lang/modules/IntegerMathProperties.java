package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** IntegerMath's divide-and-conquer products against the plain one-factor-at-a-time definitions. */
class IntegerMathProperties {
    private static BigInteger naiveFactorial(long n) {
        BigInteger r = BigInteger.ONE;
        for (long i = 2; i <= n; i++) r = r.multiply(BigInteger.valueOf(i));
        return r;
    }

    private static BigInteger naivePerm(BigInteger n, long k) {
        BigInteger r = BigInteger.ONE;
        for (long i = 0; i < k; i++) r = r.multiply(n.subtract(BigInteger.valueOf(i)));
        return r;
    }

    @Property(tries = 200)
    void factorialIsTheProductOfOneToN(@ForAll @IntRange(min = 0, max = 1500) int n) {
        assertEquals(naiveFactorial(n), IntegerMath.factorial(n));
    }

    @Property(tries = 300)
    void permOfSmallNIsTheFallingProduct(@ForAll @LongRange(min = 0, max = 3000) long n, @ForAll @LongRange(min = 0, max = 3000) long k) {
        if (k > n) return;
        assertEquals(naivePerm(BigInteger.valueOf(n), k), IntegerMath.perm(BigInteger.valueOf(n), k));
    }

    @Property(tries = 200)
    void permAndCombOfBigN(@ForAll @IntRange(min = 1, max = 400) int bits, @ForAll @LongRange(min = 0, max = 200) long k, @ForAll long seed) {
        BigInteger n = new BigInteger(bits, new java.util.Random(seed)).add(BigInteger.valueOf(k));
        BigInteger perm = naivePerm(n, k);
        assertEquals(perm, IntegerMath.perm(n, k));
        assertEquals(perm.divide(naiveFactorial(k)), IntegerMath.comb(n, k));
    }

    @Property(tries = 300)
    void combIsPascalsTriangle(@ForAll @IntRange(min = 1, max = 600) int n, @ForAll @IntRange(min = 1, max = 600) int k) {
        if (k > n - 1) return;
        BigInteger bn = BigInteger.valueOf(n);
        assertEquals(IntegerMath.comb(bn.subtract(BigInteger.ONE), k - 1).add(IntegerMath.comb(bn.subtract(BigInteger.ONE), k)),
                IntegerMath.comb(bn, k));
    }

    @Property(tries = 200)
    void combByPrimesIsTheQuotientOfProducts(@ForAll @IntRange(min = 0, max = 5000) int n, @ForAll @IntRange(min = 0, max = 5000) int k) {
        if (k > n) return;
        BigInteger expected = naivePerm(BigInteger.valueOf(n), k).divide(naiveFactorial(k));
        assertEquals(expected, IntegerMath.combByPrimes(n, k));
        assertEquals(expected, IntegerMath.comb(BigInteger.valueOf(n), Math.min(k, n - k)));
    }

    @Test
    void productsNearTheLongLimit() {
        // factors near 2**63: the leaf accumulator must spill to BigInteger instead of overflowing
        BigInteger n = BigInteger.valueOf(Long.MAX_VALUE);
        assertEquals(naivePerm(n, 40), IntegerMath.perm(n, 40));
        assertEquals(naivePerm(n, 40).divide(naiveFactorial(40)), IntegerMath.comb(n, 40));
        assertEquals(naivePerm(BigInteger.valueOf(3_037_000_500L), 17), IntegerMath.perm(BigInteger.valueOf(3_037_000_500L), 17));
        assertEquals(BigInteger.ONE, IntegerMath.factorial(0));
        assertEquals(BigInteger.ONE, IntegerMath.factorial(1));
        assertEquals(naiveFactorial(20_000), IntegerMath.factorial(20_000));
    }
}
