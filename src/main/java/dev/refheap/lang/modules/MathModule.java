package dev.refheap.lang.modules;

import dev.refheap.lang.libm.Libm;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code math}: CPython 3.11's math module. Domain errors raise ValueError("math domain error"),
 * overflows OverflowError("math range error"), decided as CPython's math_1, math_1a, math_2 and
 * is_error decide them. The functions CPython takes from the C library are the C library's
 * ({@link Libm}: glibc's libm, bit for bit what CPython computes on this machine); those exact by
 * IEEE 754 (sqrt, fabs, fmod, copysign, nextafter, ldexp, frexp, floor, ceil) are Java's, which
 * give the same bits; gamma and lgamma are CPython's own Lanczos approximation ({@link Gamma}),
 * hypot and dist CPython's compensated vector norm; integer functions (factorial, gcd, lcm,
 * comb, perm, isqrt) are exact.
 */
public final class MathModule {
    private MathModule() {}

    interface D1 { double f(double x); }

    interface D2 { double f(double x, double y); }

    /** A result and the errno the function set (0, {@link #EDOM} or {@link #ERANGE}), for math_1a. */
    record Errno(double value, int errno) {}

    interface DErrno { Errno f(double x); }

    static final int EDOM = 33, ERANGE = 34;

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        long m = vm.newModule("math");
        long d = vm.moduleDict(m);
        put(vm, d, "pi", vm.newFloat(Math.PI));
        put(vm, d, "e", vm.newFloat(Math.E));
        put(vm, d, "tau", vm.newFloat(2 * Math.PI));
        put(vm, d, "inf", vm.newFloat(Double.POSITIVE_INFINITY));
        put(vm, d, "nan", vm.newFloat(Double.NaN));
        unary(vm, m, "sqrt", Math::sqrt, false);  // IEEE 754's correctly rounded square root: the bits libm's sqrt gives
        unary(vm, m, "exp", Libm::exp, true);
        unary(vm, m, "exp2", Libm::exp2, true);
        unary(vm, m, "expm1", Libm::expm1, true);
        unary(vm, m, "log1p", Libm::log1p, false);
        unary(vm, m, "cbrt", Libm::cbrt, false);
        unary(vm, m, "sin", Libm::sin, false);
        unary(vm, m, "cos", Libm::cos, false);
        unary(vm, m, "tan", Libm::tan, false);
        unary(vm, m, "asin", Libm::asin, false);
        unary(vm, m, "acos", Libm::acos, false);
        unary(vm, m, "atan", Libm::atan, false);
        unary(vm, m, "sinh", Libm::sinh, true);
        unary(vm, m, "cosh", Libm::cosh, true);
        unary(vm, m, "tanh", Libm::tanh, false);
        unary(vm, m, "asinh", Libm::asinh, false);
        unary(vm, m, "acosh", Libm::acosh, false);
        unary(vm, m, "atanh", Libm::atanh, false);
        unary(vm, m, "fabs", Math::abs, false);
        // x * (180 / pi) and x * (pi / 180), the constants CPython multiplies by; no error checks (degrees(1e308) is inf)
        vm.def(m, "degrees", (s, a, o, n, kw) -> { args(vm, "degrees", n, kw, 1); return vm.newFloat(Math.toDegrees(vm.asDouble(a[o]))); });
        vm.def(m, "radians", (s, a, o, n, kw) -> { args(vm, "radians", n, kw, 1); return vm.newFloat(Math.toRadians(vm.asDouble(a[o]))); });
        // math_1a: the function's own errno decides (libm's erf and erfc set none that counts)
        errnoChecked(vm, m, "erf", x -> new Errno(Libm.erf(x), 0));
        errnoChecked(vm, m, "erfc", x -> new Errno(Libm.erfc(x), 0));
        errnoChecked(vm, m, "gamma", Gamma::tgamma);
        errnoChecked(vm, m, "lgamma", Gamma::lgamma);
        binary(vm, m, "atan2", MathModule::atan2);
        binary(vm, m, "copysign", Math::copySign);
        binary(vm, m, "nextafter", Math::nextAfter);
        binary(vm, m, "remainder", MathModule::remainder);
        vm.def(m, "fmod", (s, a, o, n, kw) -> {
            args(vm, "fmod", n, kw, 2);
            double x = vm.asDouble(a[o]), y = vm.asDouble(a[o + 1]);
            if (Double.isInfinite(y) && Double.isFinite(x)) return vm.newFloat(x);
            double r = x % y;
            if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw vm.error("ValueError", "math domain error");
            return vm.newFloat(r);
        });
        vm.def(m, "pow", (s, a, o, n, kw) -> {
            args(vm, "pow", n, kw, 2);
            return vm.newFloat(pow(vm, vm.asDouble(a[o]), vm.asDouble(a[o + 1])));
        });
        vm.def(m, "log", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "log", kw);  // Argument Clinic's optional group: named without its module
            if (n < 1 || n > 2) throw vm.error("TypeError", "math.log requires 1 to 2 arguments");
            double num = log(vm, a[o], Libm::log);
            if (n == 1) return vm.newFloat(num);
            double den = log(vm, a[o + 1], Libm::log);
            if (den == 0) throw vm.error("ZeroDivisionError", "float division by zero");
            return vm.newFloat(num / den);
        });
        vm.def(m, "log2", (s, a, o, n, kw) -> { args(vm, "log2", n, kw, 1); return vm.newFloat(log(vm, a[o], Libm::log2)); });
        vm.def(m, "log10", (s, a, o, n, kw) -> { args(vm, "log10", n, kw, 1); return vm.newFloat(log(vm, a[o], Libm::log10)); });
        vm.def(m, "floor", (s, a, o, n, kw) -> rounding(vm, a, o, n, kw, "floor", "__floor__", true));
        vm.def(m, "ceil", (s, a, o, n, kw) -> rounding(vm, a, o, n, kw, "ceil", "__ceil__", false));
        vm.def(m, "trunc", (s, a, o, n, kw) -> {
            args(vm, "trunc", n, kw, 1);
            if (vm.isInt(a[o])) return vm.newInt(vm.asIndex(a[o]));
            if (vm.isFloat(a[o])) return floatToInt(vm, vm.asDouble(a[o]) < 0 ? Math.ceil(vm.asDouble(a[o])) : Math.floor(vm.asDouble(a[o])));
            if (vm.typeHas(a[o], "__trunc__")) return vm.callMethod(a[o], "__trunc__");
            throw vm.error("TypeError", "type " + vm.typeName(a[o]) + " doesn't define __trunc__ method");
        });
        vm.def(m, "isnan", (s, a, o, n, kw) -> { args(vm, "isnan", n, kw, 1); return heap.bools.of(Double.isNaN(vm.asDouble(a[o]))); });
        vm.def(m, "isinf", (s, a, o, n, kw) -> { args(vm, "isinf", n, kw, 1); return heap.bools.of(Double.isInfinite(vm.asDouble(a[o]))); });
        vm.def(m, "isfinite", (s, a, o, n, kw) -> { args(vm, "isfinite", n, kw, 1); return heap.bools.of(Double.isFinite(vm.asDouble(a[o]))); });
        vm.def(m, "ulp", (s, a, o, n, kw) -> {
            args(vm, "ulp", n, kw, 1);
            double x = Math.abs(vm.asDouble(a[o]));
            if (Double.isNaN(x) || Double.isInfinite(x)) return vm.newFloat(x);
            double up = Math.nextUp(x);
            return vm.newFloat(Double.isInfinite(up) ? x - Math.nextDown(x) : up - x);
        });
        vm.def(m, "frexp", (s, a, o, n, kw) -> {
            args(vm, "frexp", n, kw, 1);
            double x = vm.asDouble(a[o]);
            if (x == 0 || !Double.isFinite(x)) return tuple(vm, vm.newFloat(x), vm.newInt(0));
            int e = Math.getExponent(x) + 1;
            double mant = x / Math.scalb(1.0, e);
            if (Math.abs(mant) < 0.5) {  // subnormal
                while (Math.abs(mant) < 0.5) { mant *= 2; e--; }
            }
            return tuple(vm, vm.newFloat(mant), vm.newInt(e));
        });
        vm.def(m, "ldexp", (s, a, o, n, kw) -> {
            args(vm, "ldexp", n, kw, 2);
            double x = vm.asDouble(a[o]);
            if (!vm.isInt(a[o + 1])) throw vm.error("TypeError", "Expected an int as second argument to ldexp.");
            BigInteger e = vm.asIndex(a[o + 1]);
            if (x == 0 || !Double.isFinite(x)) return vm.newFloat(x);
            int ei = e.max(BigInteger.valueOf(-5000)).min(BigInteger.valueOf(5000)).intValue();
            double r = Math.scalb(x, ei);
            if (Double.isInfinite(r)) throw vm.error("OverflowError", "math range error");
            return vm.newFloat(r);
        });
        vm.def(m, "modf", (s, a, o, n, kw) -> {
            args(vm, "modf", n, kw, 1);
            double x = vm.asDouble(a[o]);
            if (Double.isInfinite(x)) return tuple(vm, vm.newFloat(Math.copySign(0.0, x)), vm.newFloat(x));
            double i = x < 0 ? Math.ceil(x) : Math.floor(x);
            return tuple(vm, vm.newFloat(Math.copySign(x - i, x)), vm.newFloat(i));
        });
        vm.def(m, "factorial", (s, a, o, n, kw) -> {
            args(vm, "factorial", n, kw, 1);
            return factorial(vm, a[o]);
        });
        vm.def(m, "gcd", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "math.gcd", kw);
            BigInteger g = BigInteger.ZERO;
            for (int i = 0; i < n; i++) g = g.gcd(vm.asIndex(a[o + i]));
            return vm.newInt(g);
        });
        vm.def(m, "lcm", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "math.lcm", kw);
            BigInteger l = BigInteger.ONE;
            for (int i = 0; i < n; i++) {
                BigInteger v = vm.asIndex(a[o + i]).abs();
                l = v.signum() == 0 || l.signum() == 0 ? BigInteger.ZERO : l.divide(l.gcd(v)).multiply(v);
            }
            return vm.newInt(l);
        });
        vm.def(m, "isqrt", (s, a, o, n, kw) -> {
            args(vm, "isqrt", n, kw, 1);
            BigInteger v = vm.asIndex(a[o]);
            if (v.signum() < 0) throw vm.error("ValueError", "isqrt() argument must be nonnegative");
            return vm.newInt(v.sqrt());
        });
        vm.def(m, "comb", (s, a, o, n, kw) -> {
            args(vm, "comb", n, kw, 2);
            BigInteger nn = vm.asIndex(a[o]), k = vm.asIndex(a[o + 1]);
            if (nn.signum() < 0) throw vm.error("ValueError", "n must be a non-negative integer");
            if (k.signum() < 0) throw vm.error("ValueError", "k must be a non-negative integer");
            BigInteger rest = nn.subtract(k);
            if (rest.signum() < 0) return vm.newInt(0);
            BigInteger kk = k.min(rest);
            if (kk.bitLength() > 63) throw vm.error("OverflowError", "min(n - k, k) must not exceed " + Long.MAX_VALUE);
            // perm_comb(n, 1) returns n itself (PyNumber_Index's result: the argument when an exact int)
            if (kk.longValue() == 1) return sameIndex(vm, a[o], nn);
            return vm.newInt(bigResult(vm, () -> IntegerMath.comb(nn, kk.longValue())));
        });
        vm.def(m, "perm", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "math.perm", kw);
            if (n < 1 || n > 2) throw vm.error("TypeError", n < 1 ? "perm expected at least 1 argument, got 0" : "perm expected at most 2 arguments, got " + n);
            if (n == 1 || a[o + 1] == heap.None) return factorial(vm, a[o]);  // math_perm_impl: perm(n) is factorial(n)
            BigInteger nn = vm.asIndex(a[o]);
            BigInteger k = vm.asIndex(a[o + 1]);
            if (nn.signum() < 0) throw vm.error("ValueError", "n must be a non-negative integer");
            if (k.signum() < 0) throw vm.error("ValueError", "k must be a non-negative integer");
            if (k.compareTo(nn) > 0) return vm.newInt(0);
            if (k.bitLength() > 63) throw vm.error("OverflowError", "k must not exceed " + Long.MAX_VALUE);
            if (k.longValue() == 1) return sameIndex(vm, a[o], nn);
            return vm.newInt(bigResult(vm, () -> IntegerMath.perm(nn, k.longValue())));
        });
        vm.def(m, "hypot", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "math.hypot", kw);  // a METH_FASTCALL function: named with its module
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = Math.abs(vm.asDouble(a[o + i]));
            return vm.newFloat(vectorNorm(v));
        });
        vm.def(m, "dist", (s, a, o, n, kw) -> {
            args(vm, "dist", n, kw, 2);
            List<Double> p = doubles(vm, a[o]), q = doubles(vm, a[o + 1]);
            if (p.size() != q.size()) throw vm.error("ValueError", "both points must have the same number of dimensions");
            double[] v = new double[p.size()];
            for (int i = 0; i < v.length; i++) v[i] = Math.abs(p.get(i) - q.get(i));
            return vm.newFloat(vectorNorm(v));
        });
        vm.def(m, "fsum", (s, a, o, n, kw) -> {
            args(vm, "fsum", n, kw, 1);
            return vm.newFloat(fsum(vm, doubles(vm, a[o])));
        });
        vm.def(m, "isclose", (s, a, o, n, kw) -> isclose(vm, a, o, n, kw));
        vm.def(m, "prod", (s, a, o, n, kw) -> prod(vm, a, o, n, kw));
        return m;
    }

    /** A module attribute from a new reference (the dict takes its own). */
    static void put(VmApi vm, long d, String name, long v) {
        vm.heap.dicts.setItem(d, name, v);
        vm.heap.decref(v);
    }

    /** math.factorial(x), also perm(x) and perm(x, None). */
    private static long factorial(VmApi vm, long x) {
        BigInteger v = vm.asIndex(x);
        if (v.signum() < 0) throw vm.error("ValueError", "factorial() not defined for negative values");
        // CPython computes any n up to LONG_MAX; past 2**31 the result is beyond what refheap can hold
        if (v.bitLength() > 31) throw vm.error("OverflowError", "factorial() argument should not exceed " + Long.MAX_VALUE);
        return vm.newInt(bigResult(vm, () -> IntegerMath.factorial(v.longValue())));
    }

    /** A big result, or MemoryError when it is past the largest integer refheap can hold (BigInteger's range). */
    private static BigInteger bigResult(VmApi vm, java.util.function.Supplier<BigInteger> f) {
        try {
            return f.get();
        } catch (ArithmeticException | OutOfMemoryError e) {
            throw vm.error("MemoryError", null);
        }
    }

    /**
     * perm_comb(n, 1)'s result: n as PyNumber_Index returned it, so for an exact int the argument
     * itself (a new reference), for an int subclass or an __index__ object a new exact int.
     */
    private static long sameIndex(VmApi vm, long arg, BigInteger value) {
        if (vm.heap.typeOf(arg) == vm.heap.ints) {
            vm.heap.incref(arg);
            return arg;
        }
        return vm.newInt(value);
    }

    /** A METH_O function's or a fixed-arity METH_FASTCALL function's argument check, with CPython's messages. */
    private static void args(VmApi vm, String name, int n, long kw, int want) {
        Params.noKeywords(vm, "math." + name, kw);
        if (n != want) {
            throw vm.error("TypeError", want == 1 ? "math." + name + "() takes exactly one argument (" + n + " given)"
                    : name + " expected " + want + " arguments, got " + n);
        }
    }

    /** math_1: errors from the result as CPython's is_error decides (NaN from a non-NaN, infinity from a finite). */
    private static void unary(VmApi vm, long m, String name, D1 f, boolean canOverflow) {
        vm.def(m, name, (s, a, o, n, kw) -> {
            args(vm, name, n, kw, 1);
            double x = vm.asDouble(a[o]);
            double r = f.f(x);
            if (Double.isNaN(r) && !Double.isNaN(x)) throw vm.error("ValueError", "math domain error");
            if (Double.isInfinite(r) && Double.isFinite(x)) {
                throw canOverflow ? vm.error("OverflowError", "math range error") : vm.error("ValueError", "math domain error");
            }
            return vm.newFloat(r);
        });
    }

    /** math_1a: only the errno the function set decides (is_error: an ERANGE whose result is below 1.5 is an underflow, no error). */
    private static void errnoChecked(VmApi vm, long m, String name, DErrno f) {
        vm.def(m, name, (s, a, o, n, kw) -> {
            args(vm, name, n, kw, 1);
            Errno r = f.f(vm.asDouble(a[o]));
            if (r.errno() == EDOM) throw vm.error("ValueError", "math domain error");
            if (r.errno() == ERANGE && Math.abs(r.value()) >= 1.5) throw vm.error("OverflowError", "math range error");
            return vm.newFloat(r.value());
        });
    }

    private static void binary(VmApi vm, long m, String name, D2 f) {
        vm.def(m, name, (s, a, o, n, kw) -> {
            args(vm, name, n, kw, 2);
            double x = vm.asDouble(a[o]), y = vm.asDouble(a[o + 1]);
            double r = f.f(x, y);
            if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw vm.error("ValueError", "math domain error");
            return vm.newFloat(r);
        });
    }

    private static double remainder(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        if (Double.isInfinite(x) || y == 0) return Double.NaN;
        if (Double.isInfinite(y)) return x;
        return Math.IEEEremainder(x, y);
    }

    /** loghelper: an int too large for a double is x * 2**e (x in [0.5, 1)): f(x) + f(2) * e; x <= 0 is a domain error. */
    private static double log(VmApi vm, long o, D1 f) {
        if (vm.isInt(o)) {
            BigInteger v = vm.asIndex(o);
            if (v.signum() <= 0) throw vm.error("ValueError", "math domain error");
            double d = v.doubleValue();
            if (Double.isInfinite(d)) {
                int e = v.bitLength();
                BigInteger top = v.shiftRight(e - 64);
                if (v.getLowestSetBit() < e - 64) top = top.or(BigInteger.ONE);  // sticky bit: one correct rounding
                double x = Math.scalb(top.doubleValue(), -64);
                return f.f(x) + f.f(2.0) * e;
            }
            return f.f(d);
        }
        double x = vm.asDouble(o);
        if (Double.isNaN(x)) return x;
        if (x <= 0) throw vm.error("ValueError", "math domain error");
        return f.f(x);
    }

    private static long rounding(VmApi vm, long[] a, int o, int n, long kw, String name, String dunder, boolean floor) {
        args(vm, name, n, kw, 1);
        long x = a[o];
        if (vm.isInt(x)) return vm.newInt(vm.asIndex(x));
        if (!vm.isFloat(x) && vm.typeHas(x, dunder)) return vm.callMethod(x, dunder);
        double v = vm.asDouble(x);
        return floatToInt(vm, floor ? Math.floor(v) : Math.ceil(v));
    }

    private static long floatToInt(VmApi vm, double v) {
        if (Double.isNaN(v)) throw vm.error("ValueError", "cannot convert float NaN to integer");
        if (Double.isInfinite(v)) throw vm.error("OverflowError", "cannot convert float infinity to integer");
        if (Math.abs(v) < 9.0e18) return vm.newInt((long) v);
        return vm.newInt(new java.math.BigDecimal(v).toBigInteger());
    }

    private static long tuple(VmApi vm, long x, long y) {
        long t = vm.heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, x);
        TupleType.setItemSteal(t, 1, y);
        return t;
    }

    private static List<Double> doubles(VmApi vm, long iterable) {
        List<Double> l = new ArrayList<>();
        vm.forEach(iterable, v -> l.add(vm.asDouble(v)));
        return l;
    }

    /**
     * CPython 3.11's vector_norm (hypot and dist), the same operations in the same order, so the
     * same bits: each coordinate scaled by a power of two below 1, split in halves (Veltkamp-Dekker)
     * so its square is exact, the squares added with a separate error term per part (Neumaier's
     * compensated sum, started at 1.0 so the running sum is always the larger operand), and the
     * square root corrected once by its first-order term. {@code v} holds absolute values.
     */
    private static double vectorNorm(double[] v) {
        double max = 0;
        boolean nan = false;
        for (double x : v) {
            nan |= Double.isNaN(x);
            if (x > max) max = x;
        }
        if (Double.isInfinite(max)) return max;
        if (nan) return Double.NaN;
        if (max == 0 || v.length <= 1) return max;
        final double t27 = 134217729.0;  // 2**27 + 1: the Veltkamp splitter for doubles
        double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0, oldcsum, x, t, hi, lo;
        int maxE = frexpExponent(max);
        if (maxE >= -1023) {
            double scale = Math.scalb(1.0, -maxE);
            for (double c : v) {
                x = c * scale;
                t = x * t27;
                hi = t - (t - x);
                lo = x - hi;
                x = hi * hi;
                oldcsum = csum;
                csum += x;
                frac1 += (oldcsum - csum) + x;
                x = 2.0 * hi * lo;
                oldcsum = csum;
                csum += x;
                frac2 += (oldcsum - csum) + x;
                frac3 += lo * lo;
            }
            double h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
            x = h;
            t = x * t27;
            hi = t - (t - x);
            lo = x - hi;
            x = -hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = -2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            x = -lo * lo;
            oldcsum = csum;
            csum += x;
            frac3 += (oldcsum - csum) + x;
            x = csum - 1.0 + (frac1 + frac2 + frac3);
            return (h + x / (2.0 * h)) / scale;
        }
        // a subnormal max: 2**-maxE would overflow, so divide by max instead
        for (double c : v) {
            x = c / max;
            x = x * x;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
        }
        return max * Math.sqrt(csum - 1.0 + frac1);
    }

    /** frexp's exponent: x = m * 2**e with 0.5 <= |m| < 1, for finite nonzero x (subnormals too). */
    static int frexpExponent(double x) {
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) return Math.getExponent(x * 0x1p54) - 54 + 1;  // subnormal
        return e + 1;
    }

    /** math.pow: IEEE 754's special values decided here, finite ** finite by libm, its NaN or infinity an error. */
    private static double pow(VmApi vm, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            if (Double.isNaN(x)) return y == 0 ? 1.0 : x;
            if (Double.isNaN(y)) return x == 1 ? 1.0 : y;
            if (Double.isInfinite(x)) {
                boolean oddY = Double.isFinite(y) && Math.abs(y) % 2.0 == 1.0;
                if (y > 0) return oddY ? x : Math.abs(x);
                if (y == 0) return 1.0;
                return oddY ? Math.copySign(0.0, x) : 0.0;
            }
            if (Math.abs(x) == 1.0) return 1.0;
            if (y > 0 && Math.abs(x) > 1.0) return y;
            if (y < 0 && Math.abs(x) < 1.0) return -y;
            return 0.0;
        }
        double r = Libm.pow(x, y);
        if (Double.isNaN(r)) throw vm.error("ValueError", "math domain error");  // (-x) ** non-integer
        if (Double.isInfinite(r)) {
            throw x == 0 ? vm.error("ValueError", "math domain error") : vm.error("OverflowError", "math range error");
        }
        return r;
    }

    /** m_atan2: the special values as C99 gives them, on every platform; the rest libm's. */
    private static double atan2(double y, double x) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        if (Double.isInfinite(y)) {
            if (Double.isInfinite(x)) return Math.copySign(x > 0 ? 0.25 * Math.PI : 0.75 * Math.PI, y);
            return Math.copySign(0.5 * Math.PI, y);
        }
        if (Double.isInfinite(x) || y == 0) return Math.copySign(Math.copySign(1.0, x) == 1.0 ? 0.0 : Math.PI, y);
        return Libm.atan2(y, x);
    }

    /** Shewchuk's exact summation (the algorithm CPython's fsum uses), with its special values. */
    private static double fsum(VmApi vm, List<Double> xs) {
        double[] partials = new double[32];
        int np = 0;
        double specialSum = 0, infSum = 0;
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                if (Double.isInfinite(x)) infSum += x;
                specialSum += x;
                np = 0;
                continue;
            }
            int i = 0;
            for (int j = 0; j < np; j++) {
                double y = partials[j];
                if (Math.abs(x) < Math.abs(y)) { double t = x; x = y; y = t; }
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0.0) partials[i++] = lo;
                x = hi;
            }
            np = i;
            if (x != 0.0) {
                if (!Double.isFinite(x)) {
                    throw vm.error("OverflowError", "intermediate overflow in fsum");
                }
                if (np == partials.length) partials = java.util.Arrays.copyOf(partials, np * 2);
                partials[np++] = x;
            }
        }
        if (specialSum != 0.0) {
            if (Double.isNaN(infSum)) throw vm.error("ValueError", "-inf + inf in fsum");
            return specialSum;
        }
        double hi = 0.0;
        if (np > 0) {
            hi = partials[--np];
            double lo = 0;
            while (np > 0) {
                double x = hi;
                double y = partials[--np];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) break;
            }
            if (np > 0 && ((lo < 0.0 && partials[np - 1] < 0.0) || (lo > 0.0 && partials[np - 1] > 0.0))) {
                double y = lo * 2.0;
                double x = hi + y;
                double yr = x - hi;
                if (y == yr) hi = x;
            }
        }
        return hi;
    }

    /** math.prod(iterable, /, *, start=1): start times each item in turn, by the number protocol. */
    private static long prod(VmApi vm, long[] a, int o, int n, long kw) {
        long[] p = Params.parse(vm, "prod", new String[] {"iterable", "start"}, 1, 1, 1, a, o, n, kw);
        long start = p[1];
        long[] result = {start == 0 ? vm.newInt(1) : vm.incref(start)};
        try {
            vm.forEach(p[0], item -> {
                long r = vm.binary(dev.refheap.lang.bytecode.BinaryOp.MULTIPLY, result[0], item);
                vm.heap.decref(result[0]);
                result[0] = r;
            });
        } catch (RuntimeException e) {
            vm.heap.decref(result[0]);
            throw e;
        }
        return result[0];
    }

    private static long isclose(VmApi vm, long[] a, int o, int n, long kw) {
        long[] p = Params.parse(vm, "isclose", new String[] {"a", "b", "rel_tol", "abs_tol"}, 2, 2, 0, a, o, n, kw);
        double x = vm.asDouble(p[0]), y = vm.asDouble(p[1]);  // converted in order, as Argument Clinic does
        double relTol = p[2] == 0 ? 1e-09 : vm.asDouble(p[2]), absTol = p[3] == 0 ? 0.0 : vm.asDouble(p[3]);
        if (relTol < 0.0 || absTol < 0.0) throw vm.error("ValueError", "tolerances must be non-negative");
        if (x == y) return vm.heap.bools.of(true);
        if (Double.isInfinite(x) || Double.isInfinite(y)) return vm.heap.bools.of(false);
        double diff = Math.abs(y - x);
        return vm.heap.bools.of((diff <= Math.abs(relTol * y)) || (diff <= Math.abs(relTol * x)) || (diff <= absTol));
    }
}
