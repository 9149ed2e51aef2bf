package dev.refheap.lang.libm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C library's math functions (glibc's libm.so.6), called through java.lang.foreign: the
 * functions CPython 3.11 takes from libm (float {@code **}, the {@code math} module, complex
 * {@code **} and {@code abs}), so refheap's results are bit for bit the ones CPython gives on the
 * same machine. Java's {@link Math} and {@link StrictMath} are not: their sin, pow, log10... are
 * within an ulp of the true value but differ from glibc's in the last bit for many arguments.
 * Functions that are exact by IEEE 754 (sqrt, fabs, floor, ceil, fmod, copysign, nextafter,
 * ldexp) stay Java's, which give the same bits.
 *
 * <p>Each function is linked on its first call (a holder class per function), so a program that
 * never computes a logarithm never links {@code log}. A machine without libm.so.6 gets an
 * {@link UnsatisfiedLinkError} naming it at the first call; {@link #available()} tests for it.
 * The calls are leaf calls that touch no Java memory, linked as critical.
 */
public final class Libm {
    private Libm() {}

    private static final FunctionDescriptor D1 = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
    private static final FunctionDescriptor D2 = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);

    private static final class Lib {
        static final SymbolLookup M = SymbolLookup.libraryLookup("libm.so.6", Arena.global());
    }

    private static MethodHandle link(String name, FunctionDescriptor fd) {
        return Linker.nativeLinker().downcallHandle(Lib.M.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libm.so.6 has no " + name)),
                fd, Linker.Option.critical(false));
    }

    /** Whether libm.so.6 can be loaded. */
    public static boolean available() {
        try {
            return Lib.M != null;
        } catch (IllegalArgumentException | ExceptionInInitializerError | NoClassDefFoundError e) {
            return false;
        }
    }

    private static RuntimeException failed(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    private static final class Exp { static final MethodHandle H = link("exp", D1); }
    public static double exp(double x) { try { return (double) Exp.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Exp2 { static final MethodHandle H = link("exp2", D1); }
    public static double exp2(double x) { try { return (double) Exp2.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Expm1 { static final MethodHandle H = link("expm1", D1); }
    public static double expm1(double x) { try { return (double) Expm1.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Log1p { static final MethodHandle H = link("log1p", D1); }
    public static double log1p(double x) { try { return (double) Log1p.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Cbrt { static final MethodHandle H = link("cbrt", D1); }
    public static double cbrt(double x) { try { return (double) Cbrt.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Sin { static final MethodHandle H = link("sin", D1); }
    public static double sin(double x) { try { return (double) Sin.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Cos { static final MethodHandle H = link("cos", D1); }
    public static double cos(double x) { try { return (double) Cos.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Tan { static final MethodHandle H = link("tan", D1); }
    public static double tan(double x) { try { return (double) Tan.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Asin { static final MethodHandle H = link("asin", D1); }
    public static double asin(double x) { try { return (double) Asin.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Acos { static final MethodHandle H = link("acos", D1); }
    public static double acos(double x) { try { return (double) Acos.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Atan { static final MethodHandle H = link("atan", D1); }
    public static double atan(double x) { try { return (double) Atan.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Sinh { static final MethodHandle H = link("sinh", D1); }
    public static double sinh(double x) { try { return (double) Sinh.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Cosh { static final MethodHandle H = link("cosh", D1); }
    public static double cosh(double x) { try { return (double) Cosh.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Tanh { static final MethodHandle H = link("tanh", D1); }
    public static double tanh(double x) { try { return (double) Tanh.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Asinh { static final MethodHandle H = link("asinh", D1); }
    public static double asinh(double x) { try { return (double) Asinh.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Acosh { static final MethodHandle H = link("acosh", D1); }
    public static double acosh(double x) { try { return (double) Acosh.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Atanh { static final MethodHandle H = link("atanh", D1); }
    public static double atanh(double x) { try { return (double) Atanh.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Erf { static final MethodHandle H = link("erf", D1); }
    public static double erf(double x) { try { return (double) Erf.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Erfc { static final MethodHandle H = link("erfc", D1); }
    public static double erfc(double x) { try { return (double) Erfc.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Log { static final MethodHandle H = link("log", D1); }
    public static double log(double x) { try { return (double) Log.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Log2 { static final MethodHandle H = link("log2", D1); }
    public static double log2(double x) { try { return (double) Log2.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Log10 { static final MethodHandle H = link("log10", D1); }
    public static double log10(double x) { try { return (double) Log10.H.invokeExact(x); } catch (Throwable t) { throw failed(t); } }

    private static final class Pow { static final MethodHandle H = link("pow", D2); }
    public static double pow(double x, double y) { try { return (double) Pow.H.invokeExact(x, y); } catch (Throwable t) { throw failed(t); } }

    private static final class Atan2 { static final MethodHandle H = link("atan2", D2); }
    public static double atan2(double x, double y) { try { return (double) Atan2.H.invokeExact(x, y); } catch (Throwable t) { throw failed(t); } }

    private static final class Hypot { static final MethodHandle H = link("hypot", D2); }
    public static double hypot(double x, double y) { try { return (double) Hypot.H.invokeExact(x, y); } catch (Throwable t) { throw failed(t); } }
}
