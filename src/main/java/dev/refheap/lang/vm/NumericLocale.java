package dev.refheap.lang.vm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * The C library's current LC_NUMERIC conventions, as the 'n' presentation type of format() reads
 * them (CPython's get_locale_info with LT_CURRENT_LOCALE): the decimal point, the thousands
 * separator and the grouping string, read from {@code localeconv()} at each use, so a
 * {@code locale.setlocale} in between is seen. The strings are decoded as UTF-8 (the locales
 * refheap runs in); grouping is the C string's bytes without its terminating 0.
 */
record NumericLocale(String decimalPoint, String thousandsSep, byte[] grouping) {
    private static final MethodHandle LOCALECONV;

    static {
        Linker linker = Linker.nativeLinker();
        LOCALECONV = linker.downcallHandle(linker.defaultLookup().find("localeconv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS));
    }

    /** struct lconv's first three members: decimal_point, thousands_sep, grouping (char pointers). */
    static NumericLocale current() {
        MemorySegment lc;
        try {
            lc = ((MemorySegment) LOCALECONV.invokeExact()).reinterpret(24);
        } catch (Throwable e) {
            throw new IllegalStateException("localeconv failed", e);
        }
        return new NumericLocale(cString(lc.get(ValueLayout.ADDRESS, 0)), cString(lc.get(ValueLayout.ADDRESS, 8)),
                cBytes(lc.get(ValueLayout.ADDRESS, 16)));
    }

    private static String cString(MemorySegment p) {
        return new String(cBytes(p), StandardCharsets.UTF_8);
    }

    private static byte[] cBytes(MemorySegment p) {
        if (p.address() == 0) return new byte[0];
        MemorySegment s = p.reinterpret(256);
        int n = 0;
        while (n < 256 && s.get(ValueLayout.JAVA_BYTE, n) != 0) n++;
        return s.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
    }
}
