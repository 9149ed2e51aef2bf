package dev.refheap.lang.modules;

import dev.refheap.lang.libm.Libm;

/**
 * math.gamma and math.lgamma as CPython 3.11 computes them (its own functions, not the C
 * library's tgamma/lgamma, whose results differ): the Lanczos approximation with N = 13 and
 * g = 6.024680040776729583740234375 (parameters Boost uses), the Lanczos sum evaluated as a
 * rational function (in x below 5, in 1/x above, so large arguments do not overflow), the
 * reflection formula for negative arguments, exact values for the integers 1..23, and a
 * correction for the rounding error of x + g - 0.5. The exp, pow, log, sin and cos it calls are
 * libm's ({@link Libm}), as in CPython, so the results are bit for bit CPython's on this machine.
 * Each function returns its value with the errno CPython's would set (EDOM for a pole or an
 * invalid argument, ERANGE for an overflow); {@link MathModule} turns that into the exception.
 */
final class Gamma {
    private Gamma() {}

    private static final int LANCZOS_N = 13;
    private static final double LANCZOS_G = 6.024680040776729583740234375;
    private static final double LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
    private static final double PI = 3.141592653589793238462643383279502884197;
    private static final double LOG_PI = 1.144729885849400174143427351353058711647;

    /** The numerator's coefficients, lowest power first. */
    private static final double[] NUM = {
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    };

    /** The denominator x(x+1)...(x+11) expanded, lowest power first. */
    private static final double[] DEN = {
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    };

    /** gamma(1) .. gamma(23): (n-1)!, each exact as a double. */
    private static final double[] INTEGRAL = new double[23];

    static {
        double f = 1.0;
        for (int n = 1; n <= INTEGRAL.length; n++) {
            INTEGRAL[n - 1] = f;
            f *= n;
        }
    }

    /** The Lanczos sum for x > 0. */
    private static double lanczosSum(double x) {
        double num = 0.0, den = 0.0;
        if (x < 5.0) {
            for (int i = LANCZOS_N - 1; i >= 0; i--) {
                num = num * x + NUM[i];
                den = den * x + DEN[i];
            }
        } else {
            for (int i = 0; i < LANCZOS_N; i++) {
                num = num / x + NUM[i];
                den = den / x + DEN[i];
            }
        }
        return num / den;
    }

    /** sin(pi * x) for finite x, exact at the integers and half-integers (for the reflection formula). */
    private static double sinpi(double x) {
        double y = Math.abs(x) % 2.0;
        int n = (int) Math.round(2.0 * y);  // 0..4; C's round and Java's agree on non-negative numbers
        double r = switch (n) {
            case 0 -> Libm.sin(PI * y);
            case 1 -> Libm.cos(PI * (y - 0.5));
            case 2 -> Libm.sin(PI * (1.0 - y));  // not -sin(pi * (y - 1)): that is -0.0 at y == 1
            case 3 -> -Libm.cos(PI * (y - 1.5));
            default -> Libm.sin(PI * (y - 2.0));
        };
        return Math.copySign(1.0, x) * r;
    }

    static MathModule.Errno tgamma(double x) {
        if (!Double.isFinite(x)) {
            if (Double.isNaN(x) || x > 0.0) return ok(x);
            return domain(Double.NaN);
        }
        if (x == 0.0) return domain(Math.copySign(Double.POSITIVE_INFINITY, x));
        if (x == Math.floor(x)) {
            if (x < 0.0) return domain(Double.NaN);
            if (x <= INTEGRAL.length) return ok(INTEGRAL[(int) x - 1]);
        }
        double absx = Math.abs(x);
        if (absx < 1e-20) {  // gamma(x) ~ 1/x near 0
            double r = 1.0 / x;
            return Double.isInfinite(r) ? range(r) : ok(r);
        }
        if (absx > 200.0) {  // overflows above 200; below -200 underflows to a signed zero
            return x < 0.0 ? ok(0.0 / sinpi(x)) : range(Double.POSITIVE_INFINITY);
        }
        double y = absx + LANCZOS_G_MINUS_HALF;
        double z;  // the rounding error of y, then the correction factor's term
        if (absx > LANCZOS_G_MINUS_HALF) {
            double q = y - absx;
            z = q - LANCZOS_G_MINUS_HALF;
        } else {
            double q = y - LANCZOS_G_MINUS_HALF;
            z = q - absx;
        }
        z = z * LANCZOS_G / y;
        double r;
        if (x < 0.0) {
            r = -PI / sinpi(absx) / absx * Libm.exp(y) / lanczosSum(absx);
            r -= z * r;
            if (absx < 140.0) {
                r /= Libm.pow(y, absx - 0.5);
            } else {
                double sqrtpow = Libm.pow(y, absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
        } else {
            r = lanczosSum(absx) / Libm.exp(y);
            r += z * r;
            if (absx < 140.0) {
                r *= Libm.pow(y, absx - 0.5);
            } else {
                double sqrtpow = Libm.pow(y, absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
        }
        return Double.isInfinite(r) ? range(r) : ok(r);
    }

    static MathModule.Errno lgamma(double x) {
        if (!Double.isFinite(x)) return ok(Double.isNaN(x) ? x : Double.POSITIVE_INFINITY);
        if (x == Math.floor(x) && x <= 2.0) {
            return x <= 0.0 ? domain(Double.POSITIVE_INFINITY) : ok(0.0);  // poles at 0, -1...; lgamma(1) = lgamma(2) = 0
        }
        double absx = Math.abs(x);
        if (absx < 1e-20) return ok(-Libm.log(absx));
        double r = Libm.log(lanczosSum(absx)) - LANCZOS_G;
        r += (absx - 0.5) * (Libm.log(absx + LANCZOS_G - 0.5) - 1);
        if (x < 0.0) r = LOG_PI - Libm.log(Math.abs(sinpi(absx))) - Libm.log(absx) - r;  // reflection
        return Double.isInfinite(r) ? range(r) : ok(r);
    }

    private static MathModule.Errno ok(double v) { return new MathModule.Errno(v, 0); }

    private static MathModule.Errno domain(double v) { return new MathModule.Errno(v, MathModule.EDOM); }

    private static MathModule.Errno range(double v) { return new MathModule.Errno(v, MathModule.ERANGE); }
}
