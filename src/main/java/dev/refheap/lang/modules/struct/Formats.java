package dev.refheap.lang.modules.struct;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * struct format strings as CPython 3.11's _struct reads them (prepare_s): the byte-order prefix
 * picks the native table (sizes and alignments of x86-64 C types) or a standard one; each code
 * with its repeat count becomes a {@link Code} at its offset. Packing and unpacking follow the
 * table entries CPython uses, including the ones the little-endian table takes over from the
 * native table when sizes agree (so '<h' reports "short format requires ..." as '@h' does).
 */
final class Formats {
    private Formats() {}

    /** One formatcode: the format character, its offset, its size (the byte count for s/p), its repeat. */
    record Code(char format, long offset, long size, long repeat) {}

    /** A parsed format: the codes, the total size, the number of items (s_len). */
    record Parsed(List<Code> codes, long size, long len, boolean nativeMode, boolean little) {}

    static final String NATIVE = "xbBcsphHiIlLnNqQ?efdP";

    static long nativeSize(char c) {
        return switch (c) {
            case 'x', 'b', 'B', 'c', 's', 'p', '?' -> 1;
            case 'h', 'H', 'e' -> 2;
            case 'i', 'I', 'f' -> 4;
            default -> 8;
        };
    }

    static long nativeAlign(char c) {
        return switch (c) {
            case 'x', 'b', 'B', 'c', 's', 'p' -> 0;
            default -> nativeSize(c);
        };
    }

    static long standardSize(char c) {
        return switch (c) {
            case 'x', 'b', 'B', 'c', 's', 'p', '?' -> 1;
            case 'h', 'H', 'e' -> 2;
            case 'i', 'I', 'l', 'L', 'f' -> 4;
            case 'q', 'Q', 'd' -> 8;
            default -> -1;
        };
    }

    static Parsed parse(VmApi vm, StructModule.State st, byte[] fmt) {
        for (byte b : fmt) if (b == 0) throw st.error("embedded null character");
        int i = 0;
        boolean nativeMode = true, little = true;
        if (fmt.length > 0) {
            switch (fmt[0]) {
                case '<', '=' -> { nativeMode = false; i = 1; }
                case '>', '!' -> { nativeMode = false; little = false; i = 1; }
                case '@' -> i = 1;
                default -> { }
            }
        }
        List<Code> codes = new ArrayList<>();
        long size = 0, len = 0;
        while (i < fmt.length) {
            char c = (char) (fmt[i++] & 0xff);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f') continue;
            long num = 1;
            if (c >= '0' && c <= '9') {
                num = c - '0';
                while (true) {
                    c = i < fmt.length ? (char) (fmt[i++] & 0xff) : 0;
                    if (c < '0' || c > '9') break;
                    if (num >= Long.MAX_VALUE / 10 && (num > Long.MAX_VALUE / 10 || (c - '0') > Long.MAX_VALUE % 10)) {
                        throw st.error("total struct size too long");
                    }
                    num = num * 10 + (c - '0');
                }
                if (c == 0) throw st.error("repeat count given without format specifier");
            }
            long itemsize = nativeMode ? (NATIVE.indexOf(c) >= 0 ? nativeSize(c) : -1) : standardSize(c);
            if (itemsize < 0 || c == 0) throw st.error("bad char in struct format");
            if (nativeMode && nativeAlign(c) != 0 && size > 0) {
                long a = nativeAlign(c);
                size += (a - 1) - (size - 1) % a;
            }
            if (num > (Long.MAX_VALUE - size) / itemsize) throw st.error("total struct size too long");
            if (c == 's' || c == 'p') {
                len++;
                codes.add(new Code(c, size, num, 1));
            } else if (c != 'x') {
                len += num;
                if (num != 0) codes.add(new Code(c, size, itemsize, num));
            }
            size += num * itemsize;
        }
        return new Parsed(codes, size, len, nativeMode, little);
    }

    // ---- packing ------------------------------------------------------------------------------

    /** get_pylong: an int, or __index__'s; else struct.error "required argument is not an integer". */
    static BigInteger integer(VmApi vm, StructModule.State st, long v) {
        if (vm.isInt(v)) return vm.asIndex(v);
        if (vm.typeHas(v, "__index__")) return vm.asIndex(v);
        throw st.error("required argument is not an integer");
    }

    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE), LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** The value to store for an integer code, range-checked with the message of the packer CPython uses. */
    static BigInteger checkedInteger(VmApi vm, StructModule.State st, Parsed p, Code code, long v) {
        BigInteger x = integer(vm, st, v);
        char c = code.format();
        boolean standardOnly = !p.nativeMode() && (!p.little() || c == 'l' || c == 'L');  // bp_*, and lp_* where sizes differ from native
        boolean signed = Character.isLowerCase(c);
        if (c == 'b' || c == 'B' || (!standardOnly && (c == 'h' || c == 'H'))) {
            // np_byte, np_ubyte, np_short, np_ushort: get_long, then their own messages
            if (x.compareTo(LONG_MIN) < 0 || x.compareTo(LONG_MAX) > 0) throw st.error("argument out of range");
            long lv = x.longValue();
            String name = c == 'b' ? "byte" : c == 'B' ? "ubyte" : c == 'h' ? "short" : "ushort";
            long lo = c == 'b' ? -128 : c == 'h' ? -32768 : 0, hi = c == 'b' ? 127 : c == 'B' ? 255 : c == 'h' ? 32767 : 65535;
            if (lv < lo || lv > hi) throw st.error(name + " format requires " + lo + " <= number <= " + hi);
            return x;
        }
        long size = code.size();
        if (standardOnly && size == 8) {  // bp_longlong / bp_ulonglong
            BigInteger lo = signed ? LONG_MIN : BigInteger.ZERO, hi = signed ? LONG_MAX : ULONG_MAX;
            if (x.compareTo(lo) < 0 || x.compareTo(hi) > 0) throw st.error("int too large to convert");
            return x;
        }
        if (signed) {
            if (x.compareTo(LONG_MIN) < 0 || x.compareTo(LONG_MAX) > 0) throw st.error("argument out of range");
            if (size < 8) {
                long lim = 1L << (8 * size - 1);
                if (x.longValue() < -lim || x.longValue() > lim - 1) {
                    throw st.error("'" + c + "' format requires " + (-lim) + " <= number <= " + (lim - 1));
                }
            }
        } else {
            if (x.signum() < 0 || x.compareTo(ULONG_MAX) > 0) {
                if (c == 'P' && x.signum() < 0 && x.compareTo(LONG_MIN) >= 0) return x;  // PyLong_AsVoidPtr takes signed values
                throw st.error("argument out of range");
            }
            if (size < 8 && x.bitLength() > 8 * size) {
                throw st.error("'" + c + "' format requires 0 <= number <= " + ((1L << (8 * size)) - 1));
            }
        }
        return x;
    }

    static void putInteger(byte[] out, long off, long size, BigInteger x, boolean little) {
        long v = x.longValue();
        for (int k = 0; k < size; k++) {
            byte b = (byte) (v >>> (8 * k));
            out[(int) (little ? off + k : off + size - 1 - k)] = b;
        }
    }

    static double asFloat(VmApi vm, StructModule.State st, long v) {
        try {
            return vm.asDouble(v);
        } catch (PyException e) {
            if (!vm.isInstance(e, "TypeError")) throw e;
            vm.heap.decref(e.exc());
            throw st.error("required argument is not a float");
        }
    }

    /** PyFloat_Pack2: IEEE binary16, round half to even from the double; OverflowError past 65504. */
    static int half(VmApi vm, double x) {
        int sign = Math.copySign(1.0, x) < 0 ? 0x8000 : 0;
        double a = Math.abs(x);
        if (Double.isNaN(x)) return sign | 0x7e00;
        if (Double.isInfinite(a)) return sign | 0x7c00;
        if (a == 0) return sign;
        int e = Math.getExponent(a);
        int bits;
        if (e < -14) {  // subnormal: units of 2**-24
            double m = a / Math.scalb(1.0, -24);
            bits = (int) Math.rint(m);
        } else {
            double m = a / Math.scalb(1.0, e) - 1.0;  // [0, 1)
            long f = (long) Math.rint(m * 1024);
            if (f == 1024) {
                f = 0;
                e++;
            }
            if (e > 15) throw vm.error("OverflowError", "float too large to pack with e format");
            bits = ((e + 15) << 10) | (int) f;
        }
        return sign | bits;
    }

    static void pack(VmApi vm, StructModule.State st, Parsed p, byte[] out, long base, long[] a, int off) {
        int k = off;
        for (Code code : p.codes()) {
            char c = code.format();
            long at = base + code.offset();
            if (c == 's' || c == 'p') {
                long v = a[k++];
                byte[] b = vm.heap.typeOf(v) == vm.heap.bytes || vm.typeName(v).equals("bytearray") ? vm.bytesLike(v) : null;
                if (b == null) throw st.error("argument for '" + c + "' must be a bytes object");
                long n = b.length;
                if (c == 's') {
                    n = Math.min(n, code.size());
                    System.arraycopy(b, 0, out, (int) at, (int) n);
                } else {
                    // np_pascal: all that fits is copied, the length byte says at most 255
                    if (n > code.size() - 1) n = code.size() - 1;
                    if (n > 0) System.arraycopy(b, 0, out, (int) at + 1, (int) n);
                    if (code.size() > 0) out[(int) at] = (byte) Math.min(n, 255);
                }
                continue;
            }
            for (long r = 0; r < code.repeat(); r++, at += code.size()) {
                long v = a[k++];
                switch (c) {
                    case 'c' -> {
                        byte[] b = vm.heap.typeOf(v) == vm.heap.bytes ? vm.bytesLike(v) : null;
                        if (b == null || b.length != 1) throw st.error("char format requires a bytes object of length 1");
                        out[(int) at] = b[0];
                    }
                    case '?' -> out[(int) at] = (byte) (vm.truthy(v) ? 1 : 0);
                    case 'e' -> {
                        int h = half(vm, asFloat(vm, st, v));
                        putInteger(out, at, 2, BigInteger.valueOf(h), p.little());
                    }
                    case 'f' -> {
                        double d = asFloat(vm, st, v);
                        float f = (float) d;
                        if (!p.nativeMode() && Float.isInfinite(f) && !Double.isInfinite(d)) {
                            throw vm.error("OverflowError", "float too large to pack with f format");
                        }
                        putInteger(out, at, 4, BigInteger.valueOf(Float.floatToRawIntBits(f)), p.little());
                    }
                    case 'd' -> putInteger(out, at, 8, BigInteger.valueOf(Double.doubleToRawLongBits(asFloat(vm, st, v))), p.little());
                    default -> putInteger(out, at, code.size(), checkedInteger(vm, st, p, code, v), p.little());
                }
            }
        }
    }

    // ---- unpacking ----------------------------------------------------------------------------

    static long readInteger(byte[] in, long off, long size, boolean little, boolean signed) {
        long v = 0;
        for (int k = 0; k < size; k++) {
            long b = in[(int) (little ? off + k : off + size - 1 - k)] & 0xffL;
            v |= b << (8 * k);
        }
        if (signed && size < 8) {
            long shift = 64 - 8 * size;
            v = (v << shift) >> shift;
        }
        return v;
    }

    static long unpack(VmApi vm, Parsed p, byte[] in, long base) {
        Heap heap = vm.heap;
        long t = heap.tuples.alloc(p.len());
        int k = 0;
        for (Code code : p.codes()) {
            char c = code.format();
            long at = base + code.offset();
            if (c == 's' || c == 'p') {
                long start = at, n = code.size();
                if (c == 'p') {
                    n = code.size() == 0 ? 0 : Math.min(in[(int) at] & 0xff, code.size() - 1);
                    start = at + 1;
                }
                byte[] b = java.util.Arrays.copyOfRange(in, (int) start, (int) (start + n));
                dev.refheap.object.TupleType.setItemSteal(t, k++, heap.bytes.of(b));
                continue;
            }
            for (long r = 0; r < code.repeat(); r++, at += code.size()) {
                long v = switch (c) {
                    case 'c' -> heap.bytes.of(new byte[] {in[(int) at]});
                    case '?' -> heap.bools.of(in[(int) at] != 0);
                    case 'e' -> heap.floats.of(Float.float16ToFloat((short) readInteger(in, at, 2, p.little(), false)));
                    case 'f' -> heap.floats.of(Float.intBitsToFloat((int) readInteger(in, at, 4, p.little(), false)));
                    case 'd' -> heap.floats.of(Double.longBitsToDouble(readInteger(in, at, 8, p.little(), false)));
                    default -> {
                        boolean signed = Character.isLowerCase(c);
                        long raw = readInteger(in, at, code.size(), p.little(), signed);
                        yield !signed && raw < 0 ? heap.ints.of(new BigInteger(Long.toUnsignedString(raw))) : heap.ints.of(raw);
                    }
                };
                dev.refheap.object.TupleType.setItemSteal(t, k++, v);
            }
        }
        return t;
    }
}
