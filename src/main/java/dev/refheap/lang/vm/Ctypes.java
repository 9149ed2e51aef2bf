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
    /** The runtime's record of refcounts raised through ctypes (shared by the module's types). */
    private Ledger ledger;

    /**
     * Per object, the references ctypes writes added to its ob_refcnt. They are not reported as
     * roots: to the verifier (--gc-stress) they are what they are, references nobody owns (a leak).
     */
    static final class Ledger {
        final java.util.Map<Long, Long> extra = new java.util.HashMap<>();
    }

    private Ctypes(Runtime rt, String name, int width, boolean signed) {
        super(rt, name, null, HAVE_GC | BASETYPE, 120, 0, 0);
        this.width = width;
        this.signed = signed;
    }

    static long module(Runtime rt) {
        Heap heap = rt.heap;
        long m = rt.moduleType.create("ctypes");
        Ledger ledger = new Ledger();
        Object[][] types = {{"c_long", 8, true}, {"c_int", 4, true}, {"c_ssize_t", 8, true}, {"c_uint64", 8, false},
                {"c_int64", 8, true}, {"c_ulong", 8, false}, {"c_uint", 4, false}, {"c_size_t", 8, false},
                {"c_int32", 4, true}, {"c_uint32", 4, false}, {"c_short", 2, true}, {"c_byte", 1, true}, {"c_ubyte", 1, false},
                {"c_longlong", 8, true}, {"c_ulonglong", 8, false}, {"c_void_p", 8, false}};
        for (Object[] t : types) {
            Ctypes ct = heap.register(new Ctypes(rt, (String) t[0], (Integer) t[1], (Boolean) t[2]));
            ct.ledger = ledger;
            long from = rt.builtinFunctionType.create("from_address", (s, a, o, n, kw) -> {
                Args.exactly(rt, "from_address", n, kw, 1);
                if (!(rt.ops.baseView(a[o]) instanceof IntType)) throw rt.typeError("integer expected");
                return ct.create(addressArg(rt, a[o]), 0);
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
        if (width == 8 && !signed && v < 0) return heap.ints.of(new BigInteger(Long.toUnsignedString(v)));
        return heap.ints.of(v);
    }

    void setValue(long o, long v) {
        long p = get(o, B_PTR);
        if (rt.sandboxed && p != o + BUFFER) {
            throw rt.error("OSError", "refheap serve does not let programs write memory through ctypes");
        }
        if (p != o + BUFFER) {
            if (!heap.isReadable(p, width)) {
                throw rt.error("ValueError", "address 0x" + Long.toHexString(p) + " is outside refheap's heap: writing it is refused");
            }
            if (checkWrite(p, v)) return;
        }
        store(p, v);
    }

    private void store(long p, long v) {
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
    private boolean checkWrite(long p, long v) {
        long obj = heap.objectContaining(p);
        if (obj > 0 && heap.typeOf(obj) instanceof Ctypes && p >= obj + BUFFER && p + width <= obj + BUFFER + 8) {
            return false; // another instance's own buffer: plain data
        }
        String where = "0x" + Long.toHexString(p);
        if (obj == 0) throw refused(where + " is not inside a live object's ob_refcnt or a ctypes buffer (free, unused or static heap memory)");
        if (obj < 0) throw refused(where + " is inside a live object's internal storage (item array or table)");
        String type = "'" + heap.typeOf(obj).name() + "'";
        if (p < obj) throw refused(where + " is in the GC header before a live " + type + " object");
        if (p - obj < 8 && p + width > obj + 8 || p - obj >= 8) {
            throw refused(where + " is at offset " + (p - obj) + " of a live " + type + " object: only its ob_refcnt (offset 0) may be written");
        }
        long cur = heap.refcount(obj);
        int shift = (int) (p - obj) * 8;
        long mask = width == 8 ? -1L : ((1L << (width * 8)) - 1) << shift;
        long next = (cur & ~mask) | ((v << shift) & mask);
        long raised = ledger.extra.getOrDefault(obj, 0L);
        if (next < cur && cur - next > raised) {
            throw refused("lowering the ob_refcnt of a live " + type + " object from " + cur + " to " + next
                    + " would free it while references to it remain; only what a ctypes write added (" + raised + ") may be taken back");
        }
        if (next > 1L << 60) throw refused("an ob_refcnt above 2**60 could overflow");
        long extra = raised + (next - cur);
        if (extra == 0) ledger.extra.remove(obj);
        else ledger.extra.put(obj, extra);
        heap.setRefcount(obj, next);
        return true;
    }

    private PyException refused(String why) {
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
