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
        // _PyArg_UnpackKeywords' checks, in its order: the total, the positional count, the
        // positional-only ones, then each parameter in turn (a missing required one names itself),
        // then what is left of the keywords (given twice, or unknown)
        int nkw = nkw(kwnames);
        int npos = n - nkw;
        int minpos = Math.min(required, positional), minPosOnly = Math.min(posOnly, minpos);
        long[] out = new long[names.length];
        if (npos + nkw > names.length) {  // "keyword" when nothing came by position (bpo-31229)
            throw vm.error("TypeError", fname + "() takes at most " + names.length + " " + (npos == 0 ? "keyword " : "") + "argument"
                    + (names.length == 1 ? "" : "s") + " (" + (npos + nkw) + " given)");
        }
        if (npos > positional) {
            if (positional == 0) throw vm.error("TypeError", fname + "() takes no positional arguments");
            throw vm.error("TypeError", fname + "() takes " + (minpos < positional ? "at most" : "exactly") + " "
                    + positional + " positional argument" + (positional == 1 ? "" : "s") + " (" + npos + " given)");
        }
        if (npos < minPosOnly) {
            throw vm.error("TypeError", fname + "() takes " + (minPosOnly < positional ? "at least" : "exactly") + " "
                    + minPosOnly + " positional argument" + (minPosOnly == 1 ? "" : "s") + " (" + npos + " given)");
        }
        for (int i = 0; i < npos; i++) out[i] = a[off + i];
        int left = nkw;
        for (int i = Math.max(npos, posOnly); i < names.length; i++) {
            if (left == 0 && i >= required) break;
            int k = left == 0 ? -1 : keyword(kwnames, names[i]);
            if (k >= 0) {
                out[i] = a[off + npos + k];
                left--;
            } else if (i < minpos || (positional <= i && i < required)) {
                throw vm.error("TypeError", fname + "() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        if (left > 0) {
            for (int i = posOnly; i < npos; i++) {
                if (keyword(kwnames, names[i]) >= 0) {
                    throw vm.error("TypeError", "argument for " + fname + "() given by name ('" + names[i] + "') and position (" + (i + 1) + ")");
                }
            }
            for (int k = 0; k < nkw; k++) {
                String kn = StrType.value(TupleType.item(kwnames, k));
                boolean known = false;
                for (int i = posOnly; i < names.length && !known; i++) known = names[i].equals(kn);
                if (!known) throw vm.error("TypeError", "'" + kn + "' is an invalid keyword argument for " + fname + "()");
            }
        }
        return out;
    }

    /** The index of {@code name} among the call's keyword names, or -1. */
    private static int keyword(long kwnames, String name) {
        for (int k = 0, nkw = nkw(kwnames); k < nkw; k++) {
            if (StrType.value(TupleType.item(kwnames, k)).equals(name)) return k;
        }
        return -1;
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

    /** {@code PyLong_AsSsize_t(o)}: an int (no __index__: "an integer is required") that fits a Py_ssize_t. */
    public static long ssizeExact(VmApi vm, long o) {
        if (!vm.isInt(o)) throw vm.error("TypeError", "an integer is required");
        return ssize(vm, o);
    }

    /** Argument clinic's int converter (_PyLong_AsInt): an int (or __index__) in C int's range. */
    public static int clinicInt(VmApi vm, long o) {
        java.math.BigInteger v = vm.asIndex(o);
        if (v.bitLength() > 31) throw vm.error("OverflowError", "Python int too large to convert to C int");
        return v.intValue();
    }

    /** A C long (or long long, off_t, rlim_t: PyLong_AsLong's range and message). */
    public static long cLong(VmApi vm, long o) {
        java.math.BigInteger v = vm.asIndex(o);
        if (v.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C long");
        return v.longValue();
    }

    /** The "i" converter: an int (or __index__) in C int's range, else 3.11's OverflowError. */
    public static int cInt(VmApi vm, long o) {
        java.math.BigInteger v = vm.asIndex(o);
        if (v.bitLength() > 31) throw vm.error("OverflowError", "signed integer is " + (v.signum() > 0 ? "greater than maximum" : "less than minimum"));
        return v.intValue();
    }
}
