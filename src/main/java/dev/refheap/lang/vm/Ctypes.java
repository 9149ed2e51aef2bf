package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import java.math.BigInteger;
import java.util.function.LongConsumer;

/**
 * The part of {@code ctypes} memory demos use: the integer types with {@code from_address(addr)},
 * {@code .value} and {@code sizeof}. An instance (120 bytes + GC head, getsizeof 136) either owns
 * an 8-byte buffer or points at an address; reading an address outside refheap's heap raises
 * ValueError instead of crashing, as a read of unmapped memory would crash CPython.
 */
final class Ctypes extends LangType {
    static final int B_PTR = 16, BUFFER = 24, B_BASE = 32;
    final int width;
    final boolean signed;

    private Ctypes(Runtime rt, String name, int width, boolean signed) {
        super(rt, name, null, HAVE_GC | BASETYPE, 120, 0, 0);
        this.width = width;
        this.signed = signed;
    }

    static long module(Runtime rt) {
        Heap heap = rt.heap;
        long m = rt.moduleType.create("ctypes");
        Object[][] types = {{"c_long", 8, true}, {"c_int", 4, true}, {"c_ssize_t", 8, true}, {"c_uint64", 8, false},
                {"c_int64", 8, true}, {"c_ulong", 8, false}, {"c_uint", 4, false}, {"c_size_t", 8, false},
                {"c_int32", 4, true}, {"c_uint32", 4, false}, {"c_short", 2, true}, {"c_byte", 1, true}, {"c_ubyte", 1, false},
                {"c_longlong", 8, true}, {"c_ulonglong", 8, false}, {"c_void_p", 8, false}};
        for (Object[] t : types) {
            Ctypes ct = heap.register(new Ctypes(rt, (String) t[0], (Integer) t[1], (Boolean) t[2]));
            long from = rt.builtinFunctionType.create("from_address", (s, a, o, n, kw) -> {
                Args.exactly(rt, "from_address", n, kw, 1);
                if (!(heap.typeOf(a[o]) instanceof IntType)) throw rt.typeError("integer expected");
                return ct.create(IntType.asLong(a[o]), 0);
            }, ct.address(), null);
            rt.typeAttrs.computeIfAbsent(ct, k -> new java.util.HashMap<>()).put("from_address", rt.hold(from));
            heap.dicts.setItem(ModuleType.dict(m), (String) t[0], ct.address());
        }
        Modules.def(rt, m, "sizeof", (s, a, o, n, kw) -> {
            Args.exactly(rt, "sizeof", n, kw, 1);
            long x = a[o];
            if (rt.ops.isTypeObject(x) && heap.typeAt(x) instanceof Ctypes c) return heap.ints.of(c.width);
            if (heap.typeOf(x) instanceof Ctypes c) return heap.ints.of(c.width);
            throw rt.typeError("this type has no size");
        });
        Modules.def(rt, m, "addressof", (s, a, o, n, kw) -> {
            Args.exactly(rt, "addressof", n, kw, 1);
            if (!(heap.typeOf(a[o]) instanceof Ctypes)) throw rt.typeError("invalid type");
            return heap.ints.of(get(a[o], B_PTR));
        });
        return m;
    }

    /** An instance reading {@code address} (or, for 0, its own zeroed buffer holding {@code initial}). */
    long create(long address, long initial) {
        long o = heap.allocObject(this, 0);
        Native.fill(o + 16, basicSize() - 16, (byte) 0);
        if (address == 0) {
            put(o, B_PTR, o + BUFFER);
            put(o, BUFFER, initial);
        } else {
            put(o, B_PTR, address);
        }
        heap.track(o);
        return o;
    }

    /** The integer at the instance's address, read with this type's width and signedness. */
    long value(long o) {
        long p = get(o, B_PTR);
        if (p != o + BUFFER && !heap.isReadable(p, width)) {
            throw rt.error("ValueError", "address 0x" + Long.toHexString(p) + " is outside refheap's heap: reading it is refused");
        }
        long v = switch (width) {
            case 1 -> signed ? Native.getByte(p) : Native.getByte(p) & 0xffL;
            case 2 -> signed ? Native.getShort(p) : Native.getShort(p) & 0xffffL;
            case 4 -> signed ? Native.getInt(p) : Native.getInt(p) & 0xffffffffL;
            default -> Native.getLong(p);
        };
        if (width == 8 && !signed && v < 0) return heap.ints.of(new BigInteger(Long.toUnsignedString(v)));
        return heap.ints.of(v);
    }

    void setValue(long o, long v) {
        long p = get(o, B_PTR);
        if (rt.sandboxed && p != o + BUFFER) {
            throw rt.error("OSError", "refheap serve does not let programs write memory through ctypes");
        }
        if (p != o + BUFFER && !heap.isReadable(p, width)) {
            throw rt.error("ValueError", "address 0x" + Long.toHexString(p) + " is outside refheap's heap: writing it is refused");
        }
        switch (width) {
            case 1 -> Native.putByte(p, (byte) v);
            case 2 -> Native.putShort(p, (short) v);
            case 4 -> Native.putInt(p, (int) v);
            default -> Native.putLong(p, v);
        }
    }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, B_BASE, visit); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, B_BASE));
        heap.freeObject(o);
    }
}
