package dev.refheap.lang.modules;

import dev.refheap.lang.ast.Complex;
import dev.refheap.lang.libm.Libm;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.TupleType;

/**
 * {@code cmath}: CPython 3.11's complex math module. Each function follows C99 Annex G: a
 * non-finite argument takes its result from a 7 x 7 table indexed by the kinds of its real and
 * imaginary parts (-inf, negative, -0, +0, positive, +inf, nan); a finite one is computed with the
 * rescalings CPython uses against spurious overflow and underflow (the argument scaled down past
 * DBL_MAX/4, subnormal parts scaled up, log1p near |z| = 1). The real functions it calls are
 * libm's ({@link Libm}), so results are CPython's bit for bit on the same machine. Errors are
 * the errno each function sets: EDOM a ValueError("math domain error"), ERANGE an
 * OverflowError("math range error"). Arguments convert as PyComplex_AsCComplex does (a complex
 * or subclass as it is, then {@code __complex__}, then the float protocol).
 *
 * <p>States: none; the tables are built once per process.
 */
public final class CmathModule {
    private CmathModule() {}

    private static final double LARGE = Double.MAX_VALUE / 4.0;
    private static final double SQRT_LARGE = Math.sqrt(LARGE);
    private static final double SQRT_DBL_MIN = Math.sqrt(Double.MIN_NORMAL);
    private static final double LN2 = 0.6931471805599453094, LN10 = 2.302585092994045684, E = 2.7182818284590452354;
    /** 2**53 brings a subnormal to a normal number; the square root then scales back by 2**-27. */
    private static final int SCALE_UP = 53, SCALE_DOWN = -27;

    private static final class Tables {
        static final double LOG_LARGE = Libm.log(LARGE);
        // rows: the real part's kind, columns: the imaginary part's (-inf, neg, -0, +0, pos, +inf, nan)
        static final double[][] ACOS = table(
                "P34,INF P,INF P,INF P,-INF P,-INF P34,-INF N,INF",
                "P12,INF U,U U,U U,U U,U P12,-INF N,N",
                "P12,INF U,U P12,0 P12,-0 U,U P12,-INF P12,N",
                "P12,INF U,U P12,0 P12,-0 U,U P12,-INF P12,N",
                "P12,INF U,U U,U U,U U,U P12,-INF N,N",
                "P14,INF 0,INF 0,INF 0,-INF 0,-INF P14,-INF N,INF",
                "N,INF N,N N,N N,N N,N N,-INF N,N");
        static final double[][] ACOSH = table(
                "INF,-P34 INF,-P INF,-P INF,P INF,P INF,P34 INF,N",
                "INF,-P12 U,U U,U U,U U,U INF,P12 N,N",
                "INF,-P12 U,U 0,-P12 0,P12 U,U INF,P12 N,N",
                "INF,-P12 U,U 0,-P12 0,P12 U,U INF,P12 N,N",
                "INF,-P12 U,U U,U U,U U,U INF,P12 N,N",
                "INF,-P14 INF,-0 INF,-0 INF,0 INF,0 INF,P14 INF,N",
                "INF,N N,N N,N N,N N,N INF,N N,N");
        static final double[][] ASINH = table(
                "-INF,-P14 -INF,-0 -INF,-0 -INF,0 -INF,0 -INF,P14 -INF,N",
                "-INF,-P12 U,U U,U U,U U,U -INF,P12 N,N",
                "-INF,-P12 U,U -0,-0 -0,0 U,U -INF,P12 N,N",
                "INF,-P12 U,U 0,-0 0,0 U,U INF,P12 N,N",
                "INF,-P12 U,U U,U U,U U,U INF,P12 N,N",
                "INF,-P14 INF,-0 INF,-0 INF,0 INF,0 INF,P14 INF,N",
                "INF,N N,N N,-0 N,0 N,N INF,N N,N");
        static final double[][] ATANH = table(
                "-0,-P12 -0,-P12 -0,-P12 -0,P12 -0,P12 -0,P12 -0,N",
                "-0,-P12 U,U U,U U,U U,U -0,P12 N,N",
                "-0,-P12 U,U -0,-0 -0,0 U,U -0,P12 -0,N",
                "0,-P12 U,U 0,-0 0,0 U,U 0,P12 0,N",
                "0,-P12 U,U U,U U,U U,U 0,P12 N,N",
                "0,-P12 0,-P12 0,-P12 0,P12 0,P12 0,P12 0,N",
                "0,-P12 N,N N,N N,N N,N 0,P12 N,N");
        static final double[][] COSH = table(
                "INF,N U,U INF,0 INF,-0 U,U INF,N INF,N",
                "N,N U,U U,U U,U U,U N,N N,N",
                "N,0 U,U 1,0 1,-0 U,U N,0 N,0",
                "N,0 U,U 1,-0 1,0 U,U N,0 N,0",
                "N,N U,U U,U U,U U,U N,N N,N",
                "INF,N U,U INF,-0 INF,0 U,U INF,N INF,N",
                "N,N N,N N,0 N,0 N,N N,N N,N");
        static final double[][] EXP = table(
                "0,0 U,U 0,-0 0,0 U,U 0,0 0,0",
                "N,N U,U U,U U,U U,U N,N N,N",
                "N,N U,U 1,-0 1,0 U,U N,N N,N",
                "N,N U,U 1,-0 1,0 U,U N,N N,N",
                "N,N U,U U,U U,U U,U N,N N,N",
                "INF,N U,U INF,-0 INF,0 U,U INF,N INF,N",
                "N,N N,N N,-0 N,0 N,N N,N N,N");
        static final double[][] LOG = table(
                "INF,-P34 INF,-P INF,-P INF,P INF,P INF,P34 INF,N",
                "INF,-P12 U,U U,U U,U U,U INF,P12 N,N",
                "INF,-P12 U,U -INF,-P -INF,P U,U INF,P12 N,N",
                "INF,-P12 U,U -INF,-0 -INF,0 U,U INF,P12 N,N",
                "INF,-P12 U,U U,U U,U U,U INF,P12 N,N",
                "INF,-P14 INF,-0 INF,-0 INF,0 INF,0 INF,P14 INF,N",
                "INF,N N,N N,N N,N N,N INF,N N,N");
        static final double[][] SINH = table(
                "INF,N U,U -INF,-0 -INF,0 U,U INF,N INF,N",
                "N,N U,U U,U U,U U,U N,N N,N",
                "0,N U,U -0,-0 -0,0 U,U 0,N 0,N",
                "0,N U,U 0,-0 0,0 U,U 0,N 0,N",
                "N,N U,U U,U U,U U,U N,N N,N",
                "INF,N U,U INF,-0 INF,0 U,U INF,N INF,N",
                "N,N N,N N,-0 N,0 N,N N,N N,N");
        static final double[][] SQRT = table(
                "INF,-INF 0,-INF 0,-INF 0,INF 0,INF INF,INF N,INF",
                "INF,-INF U,U U,U U,U U,U INF,INF N,N",
                "INF,-INF U,U 0,-0 0,0 U,U INF,INF N,N",
                "INF,-INF U,U 0,-0 0,0 U,U INF,INF N,N",
                "INF,-INF U,U U,U U,U U,U INF,INF N,N",
                "INF,-INF INF,-0 INF,-0 INF,0 INF,0 INF,INF INF,N",
                "INF,-INF N,N N,N N,N N,N INF,INF N,N");
        static final double[][] TANH = table(
                "-1,0 U,U -1,-0 -1,0 U,U -1,0 -1,0",
                "N,N U,U U,U U,U U,U N,N N,N",
                "N,N U,U -0,-0 -0,0 U,U N,N N,N",
                "N,N U,U 0,-0 0,0 U,U N,N N,N",
                "N,N U,U U,U U,U U,U N,N N,N",
                "1,0 U,U 1,-0 1,0 U,U 1,0 1,0",
                "N,N N,N N,-0 N,0 N,N N,N N,N");
        static final double[][] RECT = table(
                "INF,N U,U -INF,0 -INF,-0 U,U INF,N INF,N",
                "N,N U,U U,U U,U U,U N,N N,N",
                "0,0 U,U -0,0 -0,-0 U,U 0,0 0,0",
                "0,0 U,U 0,-0 0,0 U,U 0,0 0,0",
                "N,N U,U U,U U,U U,U N,N N,N",
                "INF,N U,U INF,-0 INF,0 U,U INF,N INF,N",
                "N,N N,N N,0 N,0 N,N N,N N,N");

        /** Rows of "re,im" pairs; U marks a finite-finite cell, never read. */
        private static double[][] table(String... rows) {
            double[][] t = new double[49][];
            for (int r = 0; r < 7; r++) {
                String[] cells = rows[r].split(" ");
                for (int c = 0; c < 7; c++) {
                    String[] parts = cells[c].split(",");
                    t[r * 7 + c] = new double[] {value(parts[0]), value(parts[1])};
                }
            }
            return t;
        }

        private static double value(String s) {
            boolean neg = s.startsWith("-");
            String v = neg ? s.substring(1) : s;
            double d = switch (v) {
                case "P" -> Math.PI;
                case "P12" -> 0.5 * Math.PI;
                case "P14" -> 0.25 * Math.PI;
                case "P34" -> 0.75 * Math.PI;
                case "INF" -> Double.POSITIVE_INFINITY;
                case "N", "U" -> Double.NaN;
                default -> Double.parseDouble(v);
            };
            return neg ? -d : d;
        }
    }

    /** A result and the errno its function set. */
    private record R(double re, double im, int errno) {
        R(double re, double im) { this(re, im, 0); }
    }

    private interface F { R f(double re, double im); }

    /** The kind of a part: 0 -inf, 1 negative, 2 -0, 3 +0, 4 positive, 5 +inf, 6 nan. */
    private static int kind(double d) {
        if (Double.isNaN(d)) return 6;
        if (Double.isInfinite(d)) return d > 0 ? 5 : 0;
        if (d != 0) return d > 0 ? 4 : 1;
        return Math.copySign(1.0, d) == 1.0 ? 3 : 2;
    }

    private static R special(double[][] table, double re, double im) {
        double[] v = table[kind(re) * 7 + kind(im)];
        return new R(v[0], v[1]);
    }

    /** -i f(iz): asin from asinh, atan from atanh, sin from sinh, tan from tanh, as CPython derives them. */
    private static R rotated(F f, double re, double im) {
        R s = f.f(-im, re);
        return new R(s.im, -s.re, s.errno);
    }

    private static boolean finite(double re, double im) { return Double.isFinite(re) && Double.isFinite(im); }

    private static double log1p(double x) { return x == 0.0 ? x : Libm.log1p(x); }

    static R sqrt(double re, double im) {
        if (!finite(re, im)) return special(Tables.SQRT, re, im);
        if (re == 0 && im == 0) return new R(0.0, im);
        double ax = Math.abs(re), ay = Math.abs(im), s;
        if (ax < Double.MIN_NORMAL && ay < Double.MIN_NORMAL) {  // hypot would be subnormal: scale up
            ax = Math.scalb(ax, SCALE_UP);
            s = Math.scalb(Math.sqrt(ax + Libm.hypot(ax, Math.scalb(ay, SCALE_UP))), SCALE_DOWN);
        } else {
            ax /= 8.0;
            s = 2.0 * Math.sqrt(ax + Libm.hypot(ax, ay / 8.0));
        }
        double d = ay / (2.0 * s);
        return re >= 0 ? new R(s, Math.copySign(d, im)) : new R(d, Math.copySign(s, im));
    }

    static R acos(double re, double im) {
        if (!finite(re, im)) return special(Tables.ACOS, re, im);
        if (Math.abs(re) > LARGE || Math.abs(im) > LARGE) {
            return new R(Libm.atan2(Math.abs(im), re), -Math.copySign(Libm.log(Libm.hypot(re / 2.0, im / 2.0)) + LN2 * 2.0, im));
        }
        R s1 = sqrt(1.0 - re, -im), s2 = sqrt(1.0 + re, im);
        return new R(2.0 * Libm.atan2(s1.re, s2.re), Libm.asinh(s2.re * s1.im - s2.im * s1.re));
    }

    static R acosh(double re, double im) {
        if (!finite(re, im)) return special(Tables.ACOSH, re, im);
        if (Math.abs(re) > LARGE || Math.abs(im) > LARGE) {
            return new R(Libm.log(Libm.hypot(re / 2.0, im / 2.0)) + LN2 * 2.0, Libm.atan2(im, re));
        }
        R s1 = sqrt(re - 1.0, im), s2 = sqrt(re + 1.0, im);
        return new R(Libm.asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * Libm.atan2(s1.im, s2.re));
    }

    static R asinh(double re, double im) {
        if (!finite(re, im)) return special(Tables.ASINH, re, im);
        if (Math.abs(re) > LARGE || Math.abs(im) > LARGE) {
            double l = Libm.log(Libm.hypot(re / 2.0, im / 2.0)) + LN2 * 2.0;
            return new R(im >= 0 ? Math.copySign(l, re) : -Math.copySign(l, -re), Libm.atan2(im, Math.abs(re)));
        }
        R s1 = sqrt(1.0 + im, -re), s2 = sqrt(1.0 - im, re);
        return new R(Libm.asinh(s1.re * s2.im - s2.re * s1.im), Libm.atan2(im, s1.re * s2.re - s1.im * s2.im));
    }

    static R asin(double re, double im) { return rotated(CmathModule::asinh, re, im); }

    static R atanh(double re, double im) {
        if (!finite(re, im)) return special(Tables.ATANH, re, im);
        if (re < 0) {  // atanh(z) = -atanh(-z)
            R r = atanh(-re, -im);
            return new R(-r.re, -r.im, r.errno);
        }
        double ay = Math.abs(im);
        if (re > SQRT_LARGE || ay > SQRT_LARGE) {  // ~ 1/z +- i pi/2
            double h = Libm.hypot(re / 2.0, im / 2.0);
            return new R(re / 4.0 / h / h, Math.copySign(Math.PI / 2.0, im));
        }
        if (re == 1.0 && ay < SQRT_DBL_MIN) {
            if (ay == 0) return new R(Double.POSITIVE_INFINITY, im, MathModule.EDOM);
            return new R(-Libm.log(Math.sqrt(ay) / Math.sqrt(Libm.hypot(ay, 2.0))), Math.copySign(Libm.atan2(2.0, -ay) / 2, im));
        }
        return new R(log1p(4.0 * re / ((1 - re) * (1 - re) + ay * ay)) / 4.0, -Libm.atan2(-2.0 * im, (1 - re) * (1 + re) - ay * ay) / 2.0);
    }

    static R atan(double re, double im) { return rotated(CmathModule::atanh, re, im); }

    /** cosh and sinh share their overflow-avoiding shape; {@code cosh} picks which. */
    private static R hyperbolic(boolean cosh, double re, double im) {
        if (!finite(re, im)) {
            R r;
            if (Double.isInfinite(re) && Double.isFinite(im) && im != 0) {
                double c = Math.copySign(Double.POSITIVE_INFINITY, Libm.cos(im)), s = Math.copySign(Double.POSITIVE_INFINITY, Libm.sin(im));
                r = re > 0 ? new R(c, s) : cosh ? new R(c, -s) : new R(-c, s);
            } else {
                r = special(cosh ? Tables.COSH : Tables.SINH, re, im);
            }
            return new R(r.re, r.im, Double.isInfinite(im) && !Double.isNaN(re) ? MathModule.EDOM : 0);
        }
        double a, b;
        if (Math.abs(re) > Tables.LOG_LARGE) {  // cosh(re) overflows where the result may not
            double x1 = re - Math.copySign(1.0, re);
            a = Libm.cos(im) * (cosh ? Libm.cosh(x1) : Libm.sinh(x1)) * E;
            b = Libm.sin(im) * (cosh ? Libm.sinh(x1) : Libm.cosh(x1)) * E;
        } else {
            a = Libm.cos(im) * (cosh ? Libm.cosh(re) : Libm.sinh(re));
            b = Libm.sin(im) * (cosh ? Libm.sinh(re) : Libm.cosh(re));
        }
        return new R(a, b, Double.isInfinite(a) || Double.isInfinite(b) ? MathModule.ERANGE : 0);
    }

    static R cosh(double re, double im) { return hyperbolic(true, re, im); }

    static R sinh(double re, double im) { return hyperbolic(false, re, im); }

    static R cos(double re, double im) { return cosh(-im, re); }  // cosh(iz)

    static R sin(double re, double im) { return rotated(CmathModule::sinh, re, im); }

    static R tanh(double re, double im) {
        if (!finite(re, im)) {
            R r;
            if (Double.isInfinite(re) && Double.isFinite(im) && im != 0) {
                r = new R(re > 0 ? 1.0 : -1.0, Math.copySign(0.0, 2.0 * Libm.sin(im) * Libm.cos(im)));
            } else {
                r = special(Tables.TANH, re, im);
            }
            return new R(r.re, r.im, Double.isInfinite(im) && Double.isFinite(re) ? MathModule.EDOM : 0);
        }
        if (Math.abs(re) > Tables.LOG_LARGE) {
            return new R(Math.copySign(1.0, re), 4.0 * Libm.sin(im) * Libm.cos(im) * Libm.exp(-2.0 * Math.abs(re)));
        }
        double tx = Libm.tanh(re), ty = Libm.tan(im), cx = 1.0 / Libm.cosh(re), txty = tx * ty, denom = 1.0 + txty * txty;
        return new R(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx);
    }

    static R tan(double re, double im) { return rotated(CmathModule::tanh, re, im); }

    static R exp(double re, double im) {
        if (!finite(re, im)) {
            R r;
            if (Double.isInfinite(re) && Double.isFinite(im) && im != 0) {
                r = re > 0 ? new R(Math.copySign(Double.POSITIVE_INFINITY, Libm.cos(im)), Math.copySign(Double.POSITIVE_INFINITY, Libm.sin(im)))
                        : new R(Math.copySign(0.0, Libm.cos(im)), Math.copySign(0.0, Libm.sin(im)));
            } else {
                r = special(Tables.EXP, re, im);
            }
            boolean edom = Double.isInfinite(im) && (Double.isFinite(re) || (Double.isInfinite(re) && re > 0));
            return new R(r.re, r.im, edom ? MathModule.EDOM : 0);
        }
        double a, b;
        if (re > Tables.LOG_LARGE) {
            double l = Libm.exp(re - 1.0);
            a = l * Libm.cos(im) * E;
            b = l * Libm.sin(im) * E;
        } else {
            double l = Libm.exp(re);
            a = l * Libm.cos(im);
            b = l * Libm.sin(im);
        }
        return new R(a, b, Double.isInfinite(a) || Double.isInfinite(b) ? MathModule.ERANGE : 0);
    }

    static R log(double re, double im) {
        if (!finite(re, im)) return special(Tables.LOG, re, im);
        double ax = Math.abs(re), ay = Math.abs(im), real;
        if (ax > LARGE || ay > LARGE) {
            real = Libm.log(Libm.hypot(ax / 2.0, ay / 2.0)) + LN2;
        } else if (ax < Double.MIN_NORMAL && ay < Double.MIN_NORMAL) {
            if (ax > 0 || ay > 0) {  // hypot would be subnormal: scale up by 2**53
                real = Libm.log(Libm.hypot(Math.scalb(ax, 53), Math.scalb(ay, 53))) - 53 * LN2;
            } else {
                return new R(Double.NEGATIVE_INFINITY, Libm.atan2(im, re), MathModule.EDOM);
            }
        } else {
            double h = Libm.hypot(ax, ay);
            if (0.71 <= h && h <= 1.73) {
                double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
                real = log1p((am - 1) * (am + 1) + an * an) / 2.0;
            } else {
                real = Libm.log(h);
            }
        }
        return new R(real, Libm.atan2(im, re));
    }

    static R log10(double re, double im) {
        R r = log(re, im);
        return new R(r.re / LN10, r.im / LN10, r.errno);
    }

    /** _Py_c_abs: an infinite part gives infinity even beside a NaN; an overflowing hypot sets ERANGE. */
    static R abs(double re, double im) {
        if (!finite(re, im)) {
            if (Double.isInfinite(re)) return new R(Math.abs(re), 0);
            if (Double.isInfinite(im)) return new R(Math.abs(im), 0);
            return new R(Double.NaN, 0);
        }
        double h = Libm.hypot(re, im);
        return new R(h, 0, Double.isFinite(h) ? 0 : MathModule.ERANGE);
    }

    static R rect(double r, double phi) {
        if (!finite(r, phi)) {
            R z;
            if (Double.isInfinite(r) && Double.isFinite(phi) && phi != 0) {
                double c = Math.copySign(Double.POSITIVE_INFINITY, Libm.cos(phi)), s = Math.copySign(Double.POSITIVE_INFINITY, Libm.sin(phi));
                z = r > 0 ? new R(c, s) : new R(-c, -s);
            } else {
                z = special(Tables.RECT, r, phi);
            }
            return new R(z.re, z.im, r != 0 && !Double.isNaN(r) && Double.isInfinite(phi) ? MathModule.EDOM : 0);
        }
        if (phi == 0.0) return new R(r, r * phi);  // keeps the sign of a -0.0 angle
        return new R(r * Libm.cos(phi), r * Libm.sin(phi));
    }

    public static long create(VmApi vm) {
        long m = vm.newModule("cmath");
        long d = vm.moduleDict(m);
        MathModule.put(vm, d, "pi", vm.newFloat(Math.PI));
        MathModule.put(vm, d, "e", vm.newFloat(E));
        MathModule.put(vm, d, "tau", vm.newFloat(2 * Math.PI));
        MathModule.put(vm, d, "inf", vm.newFloat(Double.POSITIVE_INFINITY));
        MathModule.put(vm, d, "infj", vm.newComplex(0.0, Double.POSITIVE_INFINITY));
        MathModule.put(vm, d, "nan", vm.newFloat(Double.NaN));
        MathModule.put(vm, d, "nanj", vm.newComplex(0.0, Double.NaN));
        complexFunction(vm, m, "acos", CmathModule::acos);
        complexFunction(vm, m, "acosh", CmathModule::acosh);
        complexFunction(vm, m, "asin", CmathModule::asin);
        complexFunction(vm, m, "asinh", CmathModule::asinh);
        complexFunction(vm, m, "atan", CmathModule::atan);
        complexFunction(vm, m, "atanh", CmathModule::atanh);
        complexFunction(vm, m, "cos", CmathModule::cos);
        complexFunction(vm, m, "cosh", CmathModule::cosh);
        complexFunction(vm, m, "exp", CmathModule::exp);
        complexFunction(vm, m, "log10", CmathModule::log10);
        complexFunction(vm, m, "sin", CmathModule::sin);
        complexFunction(vm, m, "sinh", CmathModule::sinh);
        complexFunction(vm, m, "sqrt", CmathModule::sqrt);
        complexFunction(vm, m, "tan", CmathModule::tan);
        complexFunction(vm, m, "tanh", CmathModule::tanh);
        vm.def(m, "log", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "cmath.log", kw);
            if (n < 1 || n > 2) throw vm.error("TypeError", n < 1 ? "log expected at least 1 argument, got 0" : "log expected at most 2 arguments, got " + n);
            Complex x = vm.asCComplex(a[o]);
            R r = log(x.real(), x.imag());
            int errno = r.errno;
            Complex v = new Complex(r.re, r.im);
            if (n == 2) {  // each step sets errno afresh, as CPython's c_log and _Py_c_quot do
                Complex y = vm.asCComplex(a[o + 1]);
                R base = log(y.real(), y.imag());
                errno = base.errno;
                v = v.div(new Complex(base.re, base.im));
                if (v == null) {
                    errno = MathModule.EDOM;
                    v = new Complex(0.0, 0.0);
                }
            }
            return result(vm, new R(v.real(), v.imag(), errno));
        });
        oneArgument(vm, m, "phase", z -> {
            // phase reports the errno libm's atan2 left: glibc's sets ERANGE when a nonzero y over a
            // finite x underflows to zero, which CPython raises as an OverflowError
            double phi = Libm.atan2(z.imag(), z.real());
            if (phi == 0 && z.imag() != 0 && Double.isFinite(z.real())) throw error(vm, MathModule.ERANGE);
            return vm.newFloat(phi);
        });
        oneArgument(vm, m, "polar", z -> {
            double phi = Libm.atan2(z.imag(), z.real());
            R r = abs(z.real(), z.imag());
            if (r.errno != 0) throw error(vm, r.errno);
            long t = vm.heap.tuples.alloc(2);
            TupleType.setItemSteal(t, 0, vm.newFloat(r.re));
            TupleType.setItemSteal(t, 1, vm.newFloat(phi));
            return t;
        });
        oneArgument(vm, m, "isfinite", z -> vm.heap.bools.of(finite(z.real(), z.imag())));
        oneArgument(vm, m, "isnan", z -> vm.heap.bools.of(Double.isNaN(z.real()) || Double.isNaN(z.imag())));
        oneArgument(vm, m, "isinf", z -> vm.heap.bools.of(Double.isInfinite(z.real()) || Double.isInfinite(z.imag())));
        vm.def(m, "rect", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "cmath.rect", kw);
            if (n != 2) throw vm.error("TypeError", "rect expected 2 arguments, got " + n);
            return result(vm, rect(vm.asDouble(a[o]), vm.asDouble(a[o + 1])));
        });
        vm.def(m, "isclose", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "isclose", new String[] {"a", "b", "rel_tol", "abs_tol"}, 2, 2, 0, a, o, n, kw);
            Complex x = vm.asCComplex(p[0]), y = vm.asCComplex(p[1]);
            double relTol = p[2] == 0 ? 1e-09 : vm.asDouble(p[2]), absTol = p[3] == 0 ? 0.0 : vm.asDouble(p[3]);
            if (relTol < 0.0 || absTol < 0.0) throw vm.error("ValueError", "tolerances must be non-negative");
            if (x.real() == y.real() && x.imag() == y.imag()) return vm.heap.bools.of(true);
            if (Double.isInfinite(x.real()) || Double.isInfinite(x.imag()) || Double.isInfinite(y.real()) || Double.isInfinite(y.imag())) {
                return vm.heap.bools.of(false);
            }
            double diff = abs(x.real() - y.real(), x.imag() - y.imag()).re;
            return vm.heap.bools.of(diff <= relTol * abs(y.real(), y.imag()).re || diff <= relTol * abs(x.real(), x.imag()).re || diff <= absTol);
        });
        return m;
    }

    private interface ToObject { long of(Complex z); }

    /** A METH_O function of one complex argument. */
    private static void oneArgument(VmApi vm, long m, String name, ToObject f) {
        vm.def(m, name, (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "cmath." + name, kw);
            if (n != 1) throw vm.error("TypeError", "cmath." + name + "() takes exactly one argument (" + n + " given)");
            return f.of(vm.asCComplex(a[o]));
        });
    }

    private static void complexFunction(VmApi vm, long m, String name, F f) {
        oneArgument(vm, m, name, z -> result(vm, f.f(z.real(), z.imag())));
    }

    private static long result(VmApi vm, R r) {
        if (r.errno != 0) throw error(vm, r.errno);
        return vm.newComplex(r.re, r.im);
    }

    private static RuntimeException error(VmApi vm, int errno) {
        return errno == MathModule.EDOM ? vm.error("ValueError", "math domain error") : vm.error("OverflowError", "math range error");
    }
}
