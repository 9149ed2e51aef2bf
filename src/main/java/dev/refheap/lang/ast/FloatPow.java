package dev.refheap.lang.ast;

import dev.refheap.lang.libm.Libm;

/**
 * {@code float ** float} as CPython 3.11's float_pow computes it, shared by the VM and constant
 * folding so a folded constant and a computed value agree bit for bit: IEEE 754's special values
 * decided first (x ** 0 is 1, 1 ** y is 1, NaNs, infinities, zeros with their signs), then
 * libm's pow on the absolute value of the base, negated for a negative base and an odd integral
 * exponent. Two cases are the caller's: a zero base to a negative finite power
 * ({@link #zeroToNegative}: ZeroDivisionError) and a negative base to a non-integral finite power
 * ({@link #complexResult}: the complex power). An infinite {@link #value} from finite operands is
 * an overflow (OverflowError "(34, 'Numerical result out of range')").
 */
public final class FloatPow {
    private FloatPow() {}

    public static boolean zeroToNegative(double x, double y) {
        return x == 0 && y < 0 && Double.isFinite(y);
    }

    public static boolean complexResult(double x, double y) {
        return x < 0 && Double.isFinite(x) && Double.isFinite(y) && y != Math.floor(y);
    }

    private static boolean oddInteger(double y) { return Math.abs(y) % 2.0 == 1.0; }

    /** x ** y, when neither {@link #zeroToNegative} nor {@link #complexResult} holds. */
    public static double value(double x, double y) {
        if (y == 0) return 1.0;
        if (Double.isNaN(x)) return x;
        if (Double.isNaN(y)) return x == 1.0 ? 1.0 : y;
        if (Double.isInfinite(y)) {
            double ax = Math.abs(x);
            if (ax == 1.0) return 1.0;
            return (ax > 1.0) == (y > 0) ? Math.abs(y) : 0.0;
        }
        if (Double.isInfinite(x)) {
            boolean odd = oddInteger(y);
            if (y > 0) return odd ? x : Math.abs(x);
            return odd ? Math.copySign(0.0, x) : 0.0;
        }
        if (x == 0) return oddInteger(y) ? x : 0.0;  // y > 0 here
        boolean negate = false;
        if (x < 0) {  // y is an integer here
            x = -x;
            negate = oddInteger(y);
        }
        if (x == 1.0) return negate ? -1.0 : 1.0;
        double r = Libm.pow(x, y);
        return negate ? -r : r;
    }
}
