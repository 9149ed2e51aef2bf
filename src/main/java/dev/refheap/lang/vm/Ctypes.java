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
 *
 * <p>Writes keep the heap consistent (the contract in docs/architecture.md, "Contracts"): a write
 * may go to an instance's own buffer (its or another instance's) or to a live object's
 * {@code ob_refcnt}; every other address of refheap's heap (headers, type pointers, item arrays,
 * free memory) is refused with ValueError. A refcount may be raised (a deliberate leak: the
 * object is never freed, and --gc-stress reports it) and lowered again only by what ctypes raised
 * it (recorded in the {@link Ledger}).
 */
final class Ctypes extends LangType {
    static final int B_PTR = 16, BUFFER = 24, B_BASE = 32;
    final int width;
    final boolean signed;
    /**
     * The runtime's ctypes record. Per object, the references ctypes writes added to its ob_refcnt:
     * not reported as roots (to the verifier, --gc-stress, they are what they are: references nobody
     * owns, a leak). And the own buffers of the C data objects of {@code lang.modules.ctypes} (start
     * to size), so that a write through another object's address into one is plain data.
     */
    static final class Ledger {
        final java.util.Map<Long, Long> extra = new java.util.HashMap<>();
        final java.util.TreeMap<Long, Long> buffers = new java.util.TreeMap<>();

        boolean inBuffer(long p, int width) {
            java.util.Map.Entry<Long, Long> e = buffers.floorEntry(p);
            return e != null && p + width <= e.getKey() + e.getValue();
        }
    }

    static Ledger ledger(Runtime rt) {
        if (rt.ctypesLedger == null) rt.ctypesLedger = new Ledger();
        return rt.ctypesLedger;
    }

    private Ctypes(Runtime rt, String name, int width, boolean signed) {
        super(rt, name, null, HAVE_GC | BASETYPE, 120, 0, 0);
        this.width = width;
        this.signed = signed;
    }

    static long module(Runtime rt) {
        Heap heap = rt.heap;
        long m = rt.moduleType.create("ctypes");
        Object[][] types = {{"c_long", 8, true}, {"c_int", 4, true}, {"c_ulong", 8, false}, {"c_uint", 4, false},
                {"c_short", 2, true}, {"c_ushort", 2, false}, {"c_byte", 1, true}, {"c_ubyte", 1, false}, {"c_void_p", 8, false}};
        for (Object[] t : types) {
            Ctypes ct = heap.register(new Ctypes(rt, (String) t[0], (Integer) t[1], (Boolean) t[2]));
            long from = rt.builtinFunctionType.create("from_address", (s, a, o, n, kw) -> {
                Args.exactly(rt, "from_address", n, kw, 1);
                if (!(rt.ops.baseView(a[o]) instanceof IntType)) throw rt.typeError("integer expected");
                return ct.create(addressArg(rt, a[o]), 0);
            }, ct.address(), null);
            rt.typeAttrs.computeIfAbsent(ct, k -> new java.util.HashMap<>()).put("from_address", rt.hold(from));
            long copy = rt.builtinFunctionType.create("from_buffer_copy", (s, a, o, n, kw) -> {  // a new instance owning a copy of the bytes
                Args.noKeywords(rt, "from_buffer_copy", kw);
                if (n < 1 || n > 2) throw rt.typeError("from_buffer_copy expected at most 2 arguments, got " + n);
                byte[] data = BufferProtocol.bytesOrNull(rt, a[o]);
                if (data == null) throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(a[o]) + "'");
                long offset = n == 2 ? Builtins.intArg(rt, a[o + 1]) : 0;
                if (offset < 0) throw rt.error("ValueError", "offset cannot be negative");
                if (data.length < offset + ct.width) {
                    throw rt.error("ValueError", "Buffer size too small (" + data.length + " instead of at least " + (offset + ct.width) + " bytes)");
                }
                long bits = 0;
                for (int i = ct.width - 1; i >= 0; i--) bits = (bits << 8) | (data[(int) offset + i] & 0xffL);
                return ct.create(0, bits);
            }, ct.address(), null);
            rt.typeAttrs.get(ct).put("from_buffer_copy", rt.hold(copy));
            long shared = rt.builtinFunctionType.create("from_buffer", (s, a, o, n, kw) -> {
                throw rt.error("NotImplementedError", "refheap's ctypes does not support from_buffer yet (from_buffer_copy copies)");
            }, ct.address(), null);
            rt.typeAttrs.get(ct).put("from_buffer", rt.hold(shared));
            heap.dicts.setItem(ModuleType.dict(m), (String) t[0], ct.address());
        }
        // ctypes/__init__.py's aliases on LP64: the same type objects under the other names
        String[][] aliases = {{"c_int64", "c_long"}, {"c_longlong", "c_long"}, {"c_ssize_t", "c_long"}, {"c_uint64", "c_ulong"},
            {"c_ulonglong", "c_ulong"}, {"c_size_t", "c_ulong"}, {"c_int32", "c_int"}, {"c_uint32", "c_uint"}, {"c_int16", "c_short"},
            {"c_uint16", "c_ushort"}, {"c_int8", "c_byte"}, {"c_uint8", "c_ubyte"}};
        for (String[] a : aliases) heap.dicts.setItem(ModuleType.dict(m), a[0], heap.dicts.getItem(ModuleType.dict(m), a[1]));
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

    /**
     * PyLong_AsVoidPtr: a negative address as a C long, any other as an unsigned long (so 2**63..2**64-1
     * are addresses, refused later as outside the heap), OverflowError past either.
     */
    static long addressArg(Runtime rt, long i) {
        BigInteger b = IntType.toBig(i);
        if (b.signum() < 0) {
            if (b.bitLength() > 63) throw rt.error("OverflowError", "Python int too large to convert to C long");
            return b.longValue();
        }
        if (b.bitLength() > 64) throw rt.error("OverflowError", "Python int too large to convert to C unsigned long");
        return b.longValue();
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
        if (v == 0 && name().equals("c_void_p")) { heap.incref(heap.None); return heap.None; }  // c_void_p's NULL reads as None
        if (width == 8 && !signed && v < 0) return heap.ints.of(new BigInteger(Long.toUnsignedString(v)));
        return heap.ints.of(v);
    }

    void setValue(long o, long v) {
        long p = get(o, B_PTR);
        if (p != o + BUFFER) storeChecked(rt, p, width, v);
        else store(p, width, v);
    }

    /**
     * A ctypes write of the low {@code width} bytes of {@code v} to {@code p}, an address no object
     * of the writer owns: done when the contract allows it (a ctypes object's own buffer, a live
     * object's ob_refcnt within the ledger's bounds), else refused with ValueError naming why.
     */
    static void storeChecked(Runtime rt, long p, int width, long v) {
        if (rt.sandboxed) throw rt.error("OSError", "refheap serve does not let programs write memory through ctypes");
        if (!rt.heap.isReadable(p, width)) {
            throw rt.error("ValueError", "address 0x" + Long.toHexString(p) + " is outside refheap's heap: writing it is refused");
        }
        if (!checkWrite(rt, p, width, v)) store(p, width, v);
    }

    /**
     * memmove's and memset's writes ({@code fill}: {@code len} bytes {@code b}; else a copy from
     * {@code src}) to {@code p}: done when the whole range lies in one C data object's own buffer,
     * else refused (ValueError) as the contract says; nothing is written then.
     */
    static void copyChecked(Runtime rt, long p, long src, long len, byte b, boolean fill) {
        if (len <= 0) return;
        if (rt.sandboxed) throw rt.error("OSError", "refheap serve does not let programs write memory through ctypes");
        if (!rt.heap.isReadable(p, len)) {
            throw rt.error("ValueError", "address 0x" + Long.toHexString(p) + " is outside refheap's heap: writing it is refused");
        }
        if (len > Integer.MAX_VALUE || !ledger(rt).inBuffer(p, (int) len)) {
            long obj = rt.heap.objectContaining(p);
            boolean intBuffer = obj > 0 && rt.heap.typeOf(obj) instanceof Ctypes && p >= obj + BUFFER && p + len <= obj + BUFFER + 8;
            if (!intBuffer) {  // an integer instance's own 8 bytes are a ctypes buffer too
                String what = obj > 0 ? "inside a live '" + rt.heap.typeOf(obj).name() + "' object" : "not inside a ctypes buffer";
                throw refused(rt, "0x" + Long.toHexString(p) + " (" + len + " bytes) is " + what
                        + ": copies of C data (memmove, memset, assigned C data objects) write only ctypes' own buffers");
            }
        }
        if (fill) Native.fill(p, len, b);
        else Native.copy(src, p, len);
    }

    /** Refuses a read of {@code len} bytes at {@code p} outside refheap's heap (where CPython would crash). */
    static void checkRead(Runtime rt, long p, long len) {
        if (len > 0 && !rt.heap.isReadable(p, len)) {
            throw rt.error("ValueError", "address 0x" + Long.toHexString(p) + " is outside refheap's heap: reading it is refused");
        }
    }

    private static void store(long p, int width, long v) {
        switch (width) {
            case 1 -> Native.putByte(p, (byte) v);
            case 2 -> Native.putShort(p, (short) v);
            case 4 -> Native.putInt(p, (int) v);
            default -> Native.putLong(p, v);
        }
    }

    /**
     * Refuses a write to {@code p} that could break the heap; performs a refcount write itself
     * (returning true), after recording it in the ledger.
     */
    private static boolean checkWrite(Runtime rt, long p, int width, long v) {
        Heap heap = rt.heap;
        Ledger ledger = ledger(rt);
        if (ledger.inBuffer(p, width)) return false;  // a C data object's own buffer: plain data
        long obj = heap.objectContaining(p);
        if (obj > 0 && heap.typeOf(obj) instanceof Ctypes && p >= obj + BUFFER && p + width <= obj + BUFFER + 8) {
            return false; // another instance's own buffer: plain data
        }
        String where = "0x" + Long.toHexString(p);
        if (obj == 0) throw refused(rt, where + " is not inside a live object's ob_refcnt or a ctypes buffer (free, unused or static heap memory)");
        if (obj < 0) throw refused(rt, where + " is inside a live object's internal storage (item array or table)");
        String type = "'" + heap.typeOf(obj).name() + "'";
        if (p < obj) throw refused(rt, where + " is in the GC header before a live " + type + " object");
        if (p - obj < 8 && p + width > obj + 8 || p - obj >= 8) {
            throw refused(rt, where + " is at offset " + (p - obj) + " of a live " + type + " object: only its ob_refcnt (offset 0) may be written");
        }
        long cur = heap.refcount(obj);
        int shift = (int) (p - obj) * 8;
        long mask = width == 8 ? -1L : ((1L << (width * 8)) - 1) << shift;
        long next = (cur & ~mask) | ((v << shift) & mask);
        long raised = ledger.extra.getOrDefault(obj, 0L);
        if (next < cur && cur - next > raised) {
            throw refused(rt, "lowering the ob_refcnt of a live " + type + " object from " + cur + " to " + next
                    + " would free it while references to it remain; only what a ctypes write added (" + raised + ") may be taken back");
        }
        if (next > 1L << 60) throw refused(rt, "an ob_refcnt above 2**60 could overflow");
        long extra = raised + (next - cur);
        if (extra == 0) ledger.extra.remove(obj);
        else ledger.extra.put(obj, extra);
        heap.setRefcount(obj, next);
        return true;
    }

    private static PyException refused(Runtime rt, String why) {
        return rt.error("ValueError", "ctypes write refused: " + why + " (refheap keeps its heap consistent)");
    }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, B_BASE, visit); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, B_BASE));
        heap.freeObject(o);
    }
}
