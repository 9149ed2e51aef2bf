package dev.refheap.lang.vm;

import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.math.BigInteger;

/**
 * 3.11's limit on int/str conversions in non-power-of-two bases (CVE-2020-10735):
 * {@code sys.get_int_max_str_digits()} digits (4300 by default, 0 for no limit) for int(str) and
 * str(int) in base 10 (and int(str, base) in bases 3, 5, 6, 7, 9..36), with 3.11.7's messages.
 * The value lives in {@code Runtime.intMaxStrDigits}; hex, oct, bin and bases 2, 4, 8, 16, 32
 * are exempt.
 */
final class IntStrLimit {
    static final int DEFAULT = 4300, THRESHOLD = 640;
    private static final double LOG10_2 = 0.30102999566398120;

    private IntStrLimit() {}

    /** The decimal digits of |v| (no sign), or ValueError past the limit; huge values are refused before converting. */
    static String decimalDigits(Runtime rt, BigInteger v) {
        int max = rt.intMaxStrDigits;
        if (max > 0 && v.bitLength() * LOG10_2 - 1 > max) throw tooLong(rt, -1);
        String s = v.abs().toString();
        if (max > 0 && s.length() > max) throw tooLong(rt, -1);
        return s;
    }

    /** str(v) in decimal. */
    static String decimal(Runtime rt, BigInteger v) {
        String d = decimalDigits(rt, v);
        return v.signum() < 0 ? "-" + d : d;
    }

    /** int(text, base): {@code digits} digit characters (no sign, spaces or underscores). */
    static void checkParse(Runtime rt, long digits, int base) {
        int max = rt.intMaxStrDigits;
        if (max > 0 && Integer.bitCount(base) != 1 && digits > max) throw tooLong(rt, digits);
    }

    private static PyException tooLong(Runtime rt, long digits) {
        return rt.error("ValueError", "Exceeds the limit (" + rt.intMaxStrDigits + " digits) for integer string conversion"
                + (digits >= 0 ? ": value has " + digits + " digits" : "") + "; use sys.set_int_max_str_digits() to increase the limit");
    }

    /** sys.set_int_max_str_digits(maxdigits). */
    static void set(Runtime rt, long[] a, int o, int n, long kw) {
        int nkw = Args.nkw(kw);
        if (n > 1) throw rt.typeError("set_int_max_str_digits() takes at most 1 argument (" + n + " given)");
        if (n == 0 || nkw == 1 && !StrType.value(TupleType.item(kw, 0)).equals("maxdigits")) {
            throw rt.typeError("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
        }
        if (!(rt.heap.typeOf(a[o]) instanceof dev.refheap.object.IntType)) {
            throw rt.typeError("'" + rt.ops.typeName(a[o]) + "' object cannot be interpreted as an integer");
        }
        if (!dev.refheap.object.IntType.fitsLong(a[o]) || Math.abs(dev.refheap.object.IntType.asLong(a[o])) > Integer.MAX_VALUE) {
            throw rt.error("OverflowError", "Python int too large to convert to C int");
        }
        long v = dev.refheap.object.IntType.asLong(a[o]);
        if (v != 0 && v < THRESHOLD) throw rt.error("ValueError", "maxdigits must be 0 or larger than " + THRESHOLD);
        rt.intMaxStrDigits = (int) Math.min(v, Integer.MAX_VALUE);
    }
}
