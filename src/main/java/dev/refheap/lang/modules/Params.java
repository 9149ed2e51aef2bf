package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * Argument parsing for native functions and constructors, with the messages CPython 3.11's
 * Argument Clinic ({@code _PyArg_UnpackKeywords}) and {@code PyArg_UnpackTuple} give. Values are
 * borrowed from the caller's argument array; a parameter not given is 0.
 */
public final class Params {
    private Params() {}

    public static int nkw(long kwnames) { return kwnames == 0 ? 0 : (int) TupleType.size(kwnames); }

    /**
     * Clinic-style: {@code names} in order, the first {@code required} required, the first
     * {@code positional} accepting a position (the rest keyword-only), names from {@code posOnly}
     * on... all of them accepting a keyword unless {@code posOnly} (then the first posOnly names
     * are positional-only).
     */
    public static long[] parse(VmApi vm, String fname, String[] names, int required, int positional, int posOnly,
                               long[] a, int off, int n, long kwnames) {
        int nkw = nkw(kwnames);
        int npos = n - nkw;
        long[] out = new long[names.length];
        if (npos > positional) {
            if (positional == names.length) {
                throw vm.error("TypeError", fname + "() takes at most " + positional + " argument" + (positional == 1 ? "" : "s") + " (" + npos + " given)");
            }
            throw vm.error("TypeError", fname + "() takes at most " + positional + " positional argument" + (positional == 1 ? "" : "s") + " (" + npos + " given)");
        }
        for (int i = 0; i < npos; i++) out[i] = a[off + i];
        for (int k = 0; k < nkw; k++) {
            String kn = StrType.value(TupleType.item(kwnames, k));
            int idx = -1;
            for (int i = posOnly; i < names.length; i++) if (names[i].equals(kn)) idx = i;
            if (idx < 0) throw vm.error("TypeError", "'" + kn + "' is an invalid keyword argument for " + fname + "()");
            if (out[idx] != 0) {
                throw vm.error("TypeError", "argument for " + fname + "() given by name ('" + kn + "') and position (" + (idx + 1) + ")");
            }
            out[idx] = a[off + npos + k];
        }
        for (int i = 0; i < required; i++) {
            if (out[i] == 0) throw vm.error("TypeError", fname + "() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
        }
        return out;
    }

    /** {@code _PyArg_NoKeywords}: "name() takes no keyword arguments". */
    public static void noKeywords(VmApi vm, String fname, long kwnames) {
        if (nkw(kwnames) > 0) throw vm.error("TypeError", fname + "() takes no keyword arguments");
    }

    /** METH_NOARGS: "shown() takes no arguments (n given)" ({@code shown} is e.g. {@code lock.release}). */
    public static void noArgs(VmApi vm, String shown, int n, long kwnames) {
        noKeywords(vm, shown, kwnames);
        if (n != 0) throw vm.error("TypeError", shown + "() takes no arguments (" + n + " given)");
    }

    /** {@code PyArg_UnpackTuple}: between min and max positional arguments, no keywords. */
    public static void unpack(VmApi vm, String fname, int n, long kwnames, int min, int max) {
        noKeywords(vm, fname, kwnames);
        if (n < min) {
            throw vm.error("TypeError", fname + " expected " + (min == max ? "" : "at least ") + min + " argument" + (min == 1 ? "" : "s") + ", got " + n);
        }
        if (n > max) {
            throw vm.error("TypeError", fname + " expected " + (min == max ? "" : "at most ") + max + " argument" + (max == 1 ? "" : "s") + ", got " + n);
        }
    }

    /** {@code PyNumber_AsSsize_t(o, OverflowError)}: an index that fits a Py_ssize_t. */
    public static long ssize(VmApi vm, long o) {
        java.math.BigInteger v = vm.asIndex(o);
        if (v.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C ssize_t");
        return v.longValue();
    }

    /** The "i" converter: an int (or __index__) in C int's range, else 3.11's OverflowError. */
    public static int cInt(VmApi vm, long o) {
        java.math.BigInteger v = vm.asIndex(o);
        if (v.bitLength() > 31) throw vm.error("OverflowError", "signed integer is " + (v.signum() > 0 ? "greater than maximum" : "less than minimum"));
        return v.intValue();
    }
}
