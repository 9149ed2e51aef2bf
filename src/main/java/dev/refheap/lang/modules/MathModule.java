package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code math}: CPython 3.11's math module over Java's floating point. Domain errors raise
 * ValueError("math domain error"), overflows OverflowError("math range error"), as CPython's
 * math_1/math_2 do; integer functions (factorial, gcd, lcm, comb, perm, isqrt) are exact.
 * exp, log, pow, sin, cos and tan are the JVM's ({@link Math}, whose x86-64 code is near
 * correctly rounded, as glibc's), the others fdlibm's ({@link StrictMath}): they may differ from
 * the libm CPython calls in the last bit; erf, erfc, gamma and lgamma are not provided yet
 * (they raise NotImplementedError naming themselves).
 */
public final class MathModule {
    private MathModule() {}

    interface D1 { double f(double x); }

    interface D2 { double f(double x, double y); }

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        long m = vm.newModule("math");
        long d = vm.moduleDict(m);
        put(vm, d, "pi", vm.newFloat(Math.PI));
        put(vm, d, "e", vm.newFloat(Math.E));
        put(vm, d, "tau", vm.newFloat(2 * Math.PI));
        put(vm, d, "inf", vm.newFloat(Double.POSITIVE_INFINITY));
        put(vm, d, "nan", vm.newFloat(Double.NaN));
        unary(vm, m, "sqrt", Math::sqrt, false);
        unary(vm, m, "exp", Math::exp, true);
        unary(vm, m, "exp2", x -> Math.pow(2, x), true);
        unary(vm, m, "expm1", StrictMath::expm1, true);
        unary(vm, m, "log1p", StrictMath::log1p, false);
        unary(vm, m, "cbrt", StrictMath::cbrt, false);
        unary(vm, m, "sin", Math::sin, false);
        unary(vm, m, "cos", Math::cos, false);
        unary(vm, m, "tan", Math::tan, false);
        unary(vm, m, "asin", StrictMath::asin, false);
        unary(vm, m, "acos", StrictMath::acos, false);
        unary(vm, m, "atan", StrictMath::atan, false);
        unary(vm, m, "sinh", StrictMath::sinh, true);
        unary(vm, m, "cosh", StrictMath::cosh, true);
        unary(vm, m, "tanh", StrictMath::tanh, false);
        unary(vm, m, "asinh", x -> x == 0 || Double.isInfinite(x) ? x : Math.signum(x) * StrictMath.log(Math.abs(x) + Math.sqrt(x * x + 1)), false);
        unary(vm, m, "acosh", x -> StrictMath.log(x + Math.sqrt(x * x - 1)), false);
        unary(vm, m, "atanh", x -> Math.abs(x) >= 1 ? Double.NaN : 0.5 * StrictMath.log1p(2 * x / (1 - x)), false);
        unary(vm, m, "fabs", Math::abs, false);
        unary(vm, m, "degrees", Math::toDegrees, false);
        unary(vm, m, "radians", Math::toRadians, false);
        for (String missing : new String[] {"erf", "erfc", "gamma", "lgamma"}) {
            vm.def(m, missing, (s, a, o, n, kw) -> { throw vm.error("NotImplementedError", "refheap does not support math." + missing + " yet"); });
        }
        binary(vm, m, "atan2", StrictMath::atan2);
        binary(vm, m, "copysign", Math::copySign);
        binary(vm, m, "nextafter", Math::nextAfter);
        binary(vm, m, "remainder", MathModule::remainder);
        vm.def(m, "fmod", (s, a, o, n, kw) -> {
            args(vm, "fmod", n, 2);
            double x = vm.asDouble(a[o]), y = vm.asDouble(a[o + 1]);
            if (Double.isInfinite(y) && Double.isFinite(x)) return vm.newFloat(x);
            double r = x % y;
            if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw vm.error("ValueError", "math domain error");
            return vm.newFloat(r);
        });
        vm.def(m, "pow", (s, a, o, n, kw) -> {
            args(vm, "pow", n, 2);
            double x = vm.asDouble(a[o]), y = vm.asDouble(a[o + 1]);
            double r;
            if (Double.isFinite(x) && Double.isFinite(y)) {
                if (x == 0 && y < 0) throw vm.error("ValueError", "math domain error");
                if (x < 0 && y != Math.rint(y)) throw vm.error("ValueError", "math domain error");
                r = Math.pow(x, y);
                if (Double.isInfinite(r)) throw vm.error("OverflowError", "math range error");
            } else {
                r = x == 1 || y == 0 ? 1.0 : Math.pow(x, y);
            }
            return vm.newFloat(r);
        });
        vm.def(m, "log", (s, a, o, n, kw) -> {
            if (n < 1 || n > 2) throw vm.error("TypeError", n < 1 ? "log expected at least 1 argument, got 0" : "log expected at most 2 arguments, got " + n);
            double num = log(vm, a[o], Math::log);
            if (n == 1) return vm.newFloat(num);
            double den = log(vm, a[o + 1], Math::log);
            if (den == 0) throw vm.error("ZeroDivisionError", "float division by zero");
            return vm.newFloat(num / den);
        });
        vm.def(m, "log2", (s, a, o, n, kw) -> { args(vm, "log2", n, 1); return vm.newFloat(log(vm, a[o], MathModule::log2)); });
        vm.def(m, "log10", (s, a, o, n, kw) -> { args(vm, "log10", n, 1); return vm.newFloat(log(vm, a[o], Math::log10)); });
        vm.def(m, "floor", (s, a, o, n, kw) -> rounding(vm, a, o, n, "floor", "__floor__", true));
        vm.def(m, "ceil", (s, a, o, n, kw) -> rounding(vm, a, o, n, "ceil", "__ceil__", false));
        vm.def(m, "trunc", (s, a, o, n, kw) -> {
            args(vm, "trunc", n, 1);
            if (vm.isInt(a[o])) return vm.newInt(vm.asIndex(a[o]));
            if (vm.isFloat(a[o])) return floatToInt(vm, vm.asDouble(a[o]) < 0 ? Math.ceil(vm.asDouble(a[o])) : Math.floor(vm.asDouble(a[o])));
            if (vm.typeHas(a[o], "__trunc__")) return vm.callMethod(a[o], "__trunc__");
            throw vm.error("TypeError", "type " + vm.typeName(a[o]) + " doesn't define __trunc__ method");
        });
        vm.def(m, "isnan", (s, a, o, n, kw) -> { args(vm, "isnan", n, 1); return heap.bools.of(Double.isNaN(vm.asDouble(a[o]))); });
        vm.def(m, "isinf", (s, a, o, n, kw) -> { args(vm, "isinf", n, 1); return heap.bools.of(Double.isInfinite(vm.asDouble(a[o]))); });
        vm.def(m, "isfinite", (s, a, o, n, kw) -> { args(vm, "isfinite", n, 1); return heap.bools.of(Double.isFinite(vm.asDouble(a[o]))); });
        vm.def(m, "ulp", (s, a, o, n, kw) -> {
            args(vm, "ulp", n, 1);
            double x = Math.abs(vm.asDouble(a[o]));
            if (Double.isNaN(x) || Double.isInfinite(x)) return vm.newFloat(x);
            double up = Math.nextUp(x);
            return vm.newFloat(Double.isInfinite(up) ? x - Math.nextDown(x) : up - x);
        });
        vm.def(m, "frexp", (s, a, o, n, kw) -> {
            args(vm, "frexp", n, 1);
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
            args(vm, "ldexp", n, 2);
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
            args(vm, "modf", n, 1);
            double x = vm.asDouble(a[o]);
            if (Double.isInfinite(x)) return tuple(vm, vm.newFloat(Math.copySign(0.0, x)), vm.newFloat(x));
            double i = x < 0 ? Math.ceil(x) : Math.floor(x);
            return tuple(vm, vm.newFloat(Math.copySign(x - i, x)), vm.newFloat(i));
        });
        vm.def(m, "factorial", (s, a, o, n, kw) -> {
            args(vm, "factorial", n, 1);
            BigInteger v = vm.asIndex(a[o]);
            if (v.signum() < 0) throw vm.error("ValueError", "factorial() not defined for negative values");
            if (v.bitLength() > 31) throw vm.error("OverflowError", "factorial() argument should not exceed " + Long.MAX_VALUE);
            BigInteger r = BigInteger.ONE;
            for (int i = 2; i <= v.intValue(); i++) r = r.multiply(BigInteger.valueOf(i));
            return vm.newInt(r);
        });
        vm.def(m, "gcd", (s, a, o, n, kw) -> {
            BigInteger g = BigInteger.ZERO;
            for (int i = 0; i < n; i++) g = g.gcd(vm.asIndex(a[o + i]));
            return vm.newInt(g);
        });
        vm.def(m, "lcm", (s, a, o, n, kw) -> {
            BigInteger l = BigInteger.ONE;
            for (int i = 0; i < n; i++) {
                BigInteger v = vm.asIndex(a[o + i]).abs();
                l = v.signum() == 0 || l.signum() == 0 ? BigInteger.ZERO : l.divide(l.gcd(v)).multiply(v);
            }
            return vm.newInt(l);
        });
        vm.def(m, "isqrt", (s, a, o, n, kw) -> {
            args(vm, "isqrt", n, 1);
            BigInteger v = vm.asIndex(a[o]);
            if (v.signum() < 0) throw vm.error("ValueError", "isqrt() argument must be nonnegative");
            return vm.newInt(v.sqrt());
        });
        vm.def(m, "comb", (s, a, o, n, kw) -> {
            args(vm, "comb", n, 2);
            BigInteger nn = vm.asIndex(a[o]), k = vm.asIndex(a[o + 1]);
            if (nn.signum() < 0) throw vm.error("ValueError", "n must be a non-negative integer");
            if (k.signum() < 0) throw vm.error("ValueError", "k must be a non-negative integer");
            if (k.compareTo(nn) > 0) return vm.newInt(0);
            BigInteger kk = k.min(nn.subtract(k));
            BigInteger r = BigInteger.ONE;
            for (BigInteger i = BigInteger.ZERO; i.compareTo(kk) < 0; i = i.add(BigInteger.ONE)) {
                r = r.multiply(nn.subtract(i)).divide(i.add(BigInteger.ONE));
            }
            return vm.newInt(r);
        });
        vm.def(m, "perm", (s, a, o, n, kw) -> {
            if (n < 1 || n > 2) throw vm.error("TypeError", "perm expected at most 2 arguments, got " + n);
            BigInteger nn = vm.asIndex(a[o]);
            BigInteger k = n == 1 || a[o + 1] == heap.None ? nn : vm.asIndex(a[o + 1]);
            if (nn.signum() < 0) throw vm.error("ValueError", "n must be a non-negative integer");
            if (k.signum() < 0) throw vm.error("ValueError", "k must be a non-negative integer");
            if (k.compareTo(nn) > 0) return vm.newInt(0);
            BigInteger r = BigInteger.ONE;
            for (BigInteger i = BigInteger.ZERO; i.compareTo(k) < 0; i = i.add(BigInteger.ONE)) r = r.multiply(nn.subtract(i));
            return vm.newInt(r);
        });
        vm.def(m, "hypot", (s, a, o, n, kw) -> {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = vm.asDouble(a[o + i]);
            return vm.newFloat(hypot(v));
        });
        vm.def(m, "dist", (s, a, o, n, kw) -> {
            args(vm, "dist", n, 2);
            List<Double> p = doubles(vm, a[o]), q = doubles(vm, a[o + 1]);
            if (p.size() != q.size()) throw vm.error("ValueError", "both points must have the same number of dimensions");
            double[] v = new double[p.size()];
            for (int i = 0; i < v.length; i++) v[i] = p.get(i) - q.get(i);
            return vm.newFloat(hypot(v));
        });
        vm.def(m, "fsum", (s, a, o, n, kw) -> {
            args(vm, "fsum", n, 1);
            return vm.newFloat(fsum(vm, doubles(vm, a[o])));
        });
        vm.def(m, "isclose", (s, a, o, n, kw) -> isclose(vm, a, o, n, kw));
        return m;
    }

    private static void put(VmApi vm, long d, String name, long v) {
        vm.heap.dicts.setItem(d, name, v);
        vm.heap.decref(v);
    }

    private static void args(VmApi vm, String name, int n, int want) {
        if (n != want) {
            throw vm.error("TypeError", want == 1 ? name + "() takes exactly one argument (" + n + " given)"
                    : name + " expected " + want + " arguments, got " + n);
        }
    }

    /** math_1: errors from the result as CPython's is_error decides (NaN from a non-NaN, infinity from a finite). */
    private static void unary(VmApi vm, long m, String name, D1 f, boolean canOverflow) {
        vm.def(m, name, (s, a, o, n, kw) -> {
            args(vm, name, n, 1);
            double x = vm.asDouble(a[o]);
            double r = f.f(x);
            if (Double.isNaN(r) && !Double.isNaN(x)) throw vm.error("ValueError", "math domain error");
            if (Double.isInfinite(r) && Double.isFinite(x)) {
                throw canOverflow ? vm.error("OverflowError", "math range error") : vm.error("ValueError", "math domain error");
            }
            return vm.newFloat(r);
        });
    }

    private static void binary(VmApi vm, long m, String name, D2 f) {
        vm.def(m, name, (s, a, o, n, kw) -> {
            args(vm, name, n, 2);
            double x = vm.asDouble(a[o]), y = vm.asDouble(a[o + 1]);
            double r = f.f(x, y);
            if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw vm.error("ValueError", "math domain error");
            return vm.newFloat(r);
        });
    }

    /** log2 exact at powers of two: the exponent plus the log2 of the mantissa in [0.5, 1). */
    private static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) return Math.log(x) / Math.log(2);
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) return Math.log(x) / Math.log(2);
        double m = x / Math.scalb(1.0, e);  // [1, 2)
        if (m == 1.0) return e;
        return e + Math.log(m) / Math.log(2);
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

    private static long rounding(VmApi vm, long[] a, int o, int n, String name, String dunder, boolean floor) {
        args(vm, name, n, 1);
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

    private static double hypot(double[] v) {
        double max = 0;
        boolean nan = false;
        for (double x : v) {
            if (Double.isInfinite(x)) return Double.POSITIVE_INFINITY;
            if (Double.isNaN(x)) nan = true;
            max = Math.max(max, Math.abs(x));
        }
        if (nan) return Double.NaN;
        if (max == 0 || v.length <= 1) return max;
        double sum = 0;
        for (double x : v) {
            double s = x / max;
            sum += s * s;
        }
        return max * Math.sqrt(sum);
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

    private static long isclose(VmApi vm, long[] a, int o, int n, long kw) {
        int nkw = kw == 0 ? 0 : (int) TupleType.size(kw);
        int npos = n - nkw;
        if (npos != 2) throw vm.error("TypeError", "isclose() takes exactly 2 positional arguments (" + npos + " given)");
        double relTol = 1e-09, absTol = 0.0;
        for (int k = 0; k < nkw; k++) {
            String key = vm.strValue(TupleType.item(kw, k));
            double v = vm.asDouble(a[o + npos + k]);
            switch (key) {
                case "rel_tol" -> relTol = v;
                case "abs_tol" -> absTol = v;
                default -> throw vm.error("TypeError", "isclose() got an unexpected keyword argument '" + key + "'");
            }
        }
        if (relTol < 0.0 || absTol < 0.0) throw vm.error("ValueError", "tolerances must be non-negative");
        double x = vm.asDouble(a[o]), y = vm.asDouble(a[o + 1]);
        if (x == y) return vm.heap.bools.of(true);
        if (Double.isInfinite(x) || Double.isInfinite(y)) return vm.heap.bools.of(false);
        double diff = Math.abs(y - x);
        return vm.heap.bools.of((diff <= Math.abs(relTol * y)) || (diff <= Math.abs(relTol * x)) || (diff <= absTol));
    }
}
