package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import java.math.BigInteger;

/**
 * One C scalar a ctypes type stores (CPython's field descriptors' getfunc/setfunc by struct code):
 * the integers {@code b B h H i I q Q} (c_long is {@code q} on LP64, as CPython 3.11's buffer
 * formats say), {@code c} (c_char), {@code ?} (c_bool), {@code f}, {@code d}, {@code z} (c_char_p: an
 * address whose value is the bytes there up to a NUL, each byte's read checked), and {@code P}
 * (c_void_p, read as an unsigned integer) and {@code O} (py_object: an object's address; reading it
 * is {@link CDataType}'s, which checks the address). Size and alignment are the x86-64 ABI's; values are
 * little-endian in the owner's buffer. Immutable.
 */
record Scalar(char code, int size) {
    static Scalar ofInt(int widthSigned) {
        int w = Math.abs(widthSigned);
        boolean signed = widthSigned < 0;
        char c = switch (w) {
            case 1 -> signed ? 'b' : 'B';
            case 2 -> signed ? 'h' : 'H';
            case 4 -> signed ? 'i' : 'I';
            default -> signed ? 'q' : 'Q';
        };
        return new Scalar(c, w);
    }

    int align() { return size; }

    /** The buffer format memoryview reports for this scalar (native little-endian, '<'). */
    String format() { return "<" + code; }

    boolean signed() { return code == 'b' || code == 'h' || code == 'i' || code == 'q'; }

    boolean isInt() { return "bBhHiIqQP".indexOf(code) >= 0; }

    boolean isObject() { return code == 'O'; }

    /** Whether a store keeps the value given in the owner's b_objects (py_object's object, c_char_p's bytes). */
    boolean keeps() { return code == 'O' || code == 'z'; }

    /** c_char_p's value at {@code p}: None for NULL, else the bytes at the address up to the first NUL (each read checked). */
    private static long readString(VmApi vm, long p) {
        long address = Native.getLong(p);
        if (address == 0) return vm.incref(vm.heap.None);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (long q = address; ; q++) {
            vm.ctypesCheckRead(q, 1);
            byte b = Native.getByte(q);
            if (b == 0) break;
            out.write(b);
        }
        return vm.heap.bytes.of(out.toByteArray());
    }

    /** The value at {@code p}: a new reference. */
    long read(VmApi vm, long p) {
        switch (code) {
            case 'c': return vm.heap.bytes.of(new byte[] {Native.getByte(p)});
            case '?': return vm.incref(Native.getByte(p) != 0 ? vm.heap.True : vm.heap.False);
            case 'f': return vm.newFloat(Float.intBitsToFloat(Native.getInt(p)));
            case 'd': return vm.newFloat(Double.longBitsToDouble(Native.getLong(p)));
            case 'z': return readString(vm, p);
            default:
        }
        long v = switch (size) {
            case 1 -> signed() ? Native.getByte(p) : Native.getByte(p) & 0xffL;
            case 2 -> signed() ? Native.getShort(p) : Native.getShort(p) & 0xffffL;
            case 4 -> signed() ? Native.getInt(p) : Native.getInt(p) & 0xffffffffL;
            default -> Native.getLong(p);
        };
        if (code == 'P' && v == 0) return vm.incref(vm.heap.None);  // c_void_p's NULL reads as None
        if (size == 8 && !signed() && v < 0) return vm.newInt(new BigInteger(Long.toUnsignedString(v)));
        return vm.newInt(v);
    }

    /** Stores {@code v} (borrowed) at {@code p}, converted as CPython's setfunc converts it (integers truncated to the width). */
    void write(VmApi vm, long p, long v) { store(p, bits(vm, v)); }

    /** The bits {@code v} (borrowed) is stored as: CPython's setfunc's conversion (integers truncated to the width; 'O' an object's address). */
    long bits(VmApi vm, long v) {
        switch (code) {
            case 'c' -> {
                if (vm.heap.typeOf(v) == vm.heap.bytes && BytesType.length(v) == 1) return BytesType.value(v)[0];
                if (vm.heap.typeOf(v) == vm.byteArrayType() && vm.callLen(v) == 1) return vm.bytesLike(v)[0];
                if (vm.isInt(v)) {
                    BigInteger x = vm.asIndex(v);
                    if (x.signum() >= 0 && x.bitLength() <= 8) return x.intValue();
                }
                throw vm.error("TypeError", "one character bytes, bytearray or integer expected");
            }
            case '?' -> { return vm.truthy(v) ? 1 : 0; }
            case 'f' -> { return Float.floatToRawIntBits((float) realArg(vm, v)); }
            case 'd' -> { return Double.doubleToRawLongBits(realArg(vm, v)); }
            case 'O' -> { return v; }
            case 'z' -> {
                if (v == vm.heap.None) return 0;
                if (vm.heap.typeOf(v) == vm.heap.bytes) return v + BytesType.SVAL;
                if (vm.isInt(v)) return vm.asIndex(v).longValue();
                throw vm.error("TypeError", "bytes or integer address expected instead of " + vm.typeName(v) + " instance");
            }
            default -> {
                if (!vm.isInt(v) && !vm.typeHas(v, "__index__")) {
                    throw vm.error("TypeError", "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
                }
                return vm.asIndex(v).longValue();
            }
        }
    }

    /** Stores the low {@code size} bytes of {@code bits} at {@code p}. */
    void store(long p, long bits) {
        switch (size) {
            case 1 -> Native.putByte(p, (byte) bits);
            case 2 -> Native.putShort(p, (short) bits);
            case 4 -> Native.putInt(p, (int) bits);
            default -> Native.putLong(p, bits);
        }
    }

    private static double realArg(VmApi vm, long v) {
        if (!vm.isFloat(v) && !vm.isInt(v) && !vm.typeHas(v, "__float__") && !vm.typeHas(v, "__index__")) {
            throw vm.error("TypeError", "must be real number, not " + vm.typeName(v));
        }
        return vm.asDouble(v);
    }
}
